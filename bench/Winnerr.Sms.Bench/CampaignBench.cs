using System.Diagnostics;
using System.Net.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Campaigns;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Bulk SMS from outside (issue 10): contacts and a People selection are written into the database before the app starts;
/// everything else happens as the agent does it, in Chromium, and the bench reads what reached the simulated provider.
/// </summary>
public static class CampaignBench
{
    public const string Audience = "bench-audience";
    /// <summary>100 other contacts, for a small campaign first: a running server has sent campaigns before.</summary>
    public const string WarmUpAudience = "bench-warm-up";
    private const string Body = "Hi {{first_name}}, open house at 418 Maple this Sunday 1-3. Come by!";

    /// <summary>
    /// COUNT contacts with marketing consent and an audience of all of them. DAYTIME: every contact in a zone where it is
    /// mid-afternoon now (nobody held for quiet hours); otherwise a realistic mix (zones from area codes, 5% without consent,
    /// 3% opted out, 2% without a first name... which a fallback-free token skips).
    /// </summary>
    public static async Task<int> SeedAsync(string dbPath, int count, bool daytime)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        await using var db = new SmsDbContext(options);
        await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        // The app's demo start-up adopts this agent (it owns the demo number) and gives it the sign-in.
        var agent = new Winnerr.Sms.Core.Agents.Agent { Name = "Alex Morgan" };
        agent.Numbers.Add(new Winnerr.Sms.Core.Agents.AgentNumber { PhoneNumber = OutboxBench.Sender });
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        var zone = daytime ? DaytimeZone() : null;
        string[] areaCodes = ["212", "305", "214", "312", "415", "617", "206", "702", "404", "503"];
        var contacts = Enumerable.Range(1, count).Select(i =>
        {
            var c = new Contact
            {
                AgentId = agent.Id, FirstName = daytime || i % 50 != 7 ? $"Pat{i}" : "", LastName = "Buyer",
                Phone = daytime ? OutboxBench.Phone(i) : $"+1{areaCodes[i % areaCodes.Length]}{5550000 + i % 10000:D7}"[..12],
                TimeZone = zone, CreatedAt = now, Consent = ConsentStatus.MarketingOptIn, ConsentSource = "bench", ConsentAt = now.AddDays(-30),
            };
            if (!daytime && i % 20 == 3) c.Consent = ConsentStatus.TransactionalOnly;
            if (!daytime && i % 33 == 5) (c.Consent, c.IsOptedOut, c.OptOutKeyword, c.OptOutAt) = (ConsentStatus.OptedOut, true, "STOP", now.AddDays(-3));
            return c;
        }).ToList();
        if (!daytime) contacts = contacts.DistinctBy(c => c.Phone).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        db.CampaignAudiences.Add(new CampaignAudience
        {
            Id = Audience, AgentId = agent.Id, ContactIds = string.Join(',', contacts.Select(c => c.Id)), Count = contacts.Count, CreatedAt = now,
        });
        await db.SaveChangesAsync();
        if (daytime)
        {
            var others = Enumerable.Range(1, 100).Select(i => new Contact
            {
                AgentId = agent.Id, FirstName = $"Sam{i}", LastName = "Seller", Phone = $"+1313{5550000 + i:D7}", TimeZone = zone, CreatedAt = now,
                Consent = ConsentStatus.MarketingOptIn, ConsentSource = "bench", ConsentAt = now.AddDays(-30),
            }).ToList();
            db.Contacts.AddRange(others);
            await db.SaveChangesAsync();
            db.CampaignAudiences.Add(new CampaignAudience
            {
                Id = WarmUpAudience, AgentId = agent.Id, ContactIds = string.Join(',', others.Select(c => c.Id)), Count = others.Count, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"seeded {contacts.Count:N0} contacts{(daytime ? $" in {zone} (and 100 more in '{WarmUpAudience}')" : " (mixed)")} and the People selection '{Audience}' in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>A zone where it is mid-afternoon now.</summary>
    private static string DaytimeZone() =>
        new[] { "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo",
                "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi",
                "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea", "Pacific/Auckland" }
            .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(z)).Hour is >= 11 and <= 15);

    private static ILocator BodyField(IPage page) => page.Locator("[data-testid=bulk-body] textarea, textarea[data-testid=bulk-body]").First;

    /// <summary>
    /// The plan as the agent waits for it, RUNS times: the composer is opened for the selection, and the time is taken from
    /// the last keystroke of the text (the field's 250 ms debounce included) until the first plan rows, and until the
    /// totals, are visible. Also once from navigation start with a prefilled text (the consent request).
    /// </summary>
    public static async Task<int> PlanAsync(Uri baseUrl, int runs)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await Browser.SignInAsync(page, baseUrl);

            await page.GotoAsync(new Uri(baseUrl, $"/phone/sms/campaigns/new?audience={Audience}&kind=consent").ToString());
            await page.Locator("[data-testid=bulk-plan-row]").First.WaitForAsync();
            var firstRows = await page.EvaluateAsync<double>("performance.now()");
            await page.GetByTestId("bulk-plan-totals").WaitForAsync();
            var totalsAt = await page.EvaluateAsync<double>("performance.now()");
            var recipients = await page.GetByTestId("bulk-plan-totals").GetAttributeAsync("data-recipients");
            Console.WriteLine($"consent request for {recipients} recipients, from navigation start: first plan rows visible at {firstRows:F0} ms, totals at {totalsAt:F0} ms ({Stats.Load()})");

            await page.GotoAsync(new Uri(baseUrl, $"/phone/sms/campaigns/new?audience={Audience}").ToString());
            await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var toRows = new List<double>();
            var toTotals = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var mark = $"(run {i:D2})";
                await BodyField(page).FillAsync($"{Body} {mark}");
                var typed = Stats.UnixMs();
                // The row for the first recipient shows this run's text once the new plan (or its first rows) is on screen...
                await page.Locator("[data-testid=bulk-plan-row]").First.Filter(new() { HasText = mark }).WaitForAsync();
                toRows.Add(Stats.UnixMs() - typed);
                // ... and the totals show once every row is decided.
                await page.Locator($"[data-testid=bulk-plan]:has([data-testid=bulk-plan-totals]):has([data-testid=bulk-plan-row]:has-text('{mark}'))").WaitForAsync();
                toTotals.Add(Stats.UnixMs() - typed);
            }
            Console.WriteLine($"text edited → first plan rows visible: {Stats.Describe(toRows)}");
            Console.WriteLine($"text edited → totals visible: {Stats.Describe(toTotals)} ({Stats.Load()})");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Confirms a campaign for the seeded selection as the agent does, and prints its id.</summary>
    public static async Task<int> ConfirmAsync(Uri baseUrl, string idFile, string audience = Audience)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync()).NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await Browser.SignInAsync(page, baseUrl);
            await page.GotoAsync(new Uri(baseUrl, $"/phone/sms/campaigns/new?audience={audience}").ToString());
            await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await BodyField(page).FillAsync(Body);
            await page.Locator("[data-testid=bulk-plan-totals]").WaitForAsync();
            var send = await page.GetByTestId("bulk-plan-totals").GetAttributeAsync("data-send");
            var clock = Stopwatch.StartNew();
            await page.GetByTestId("bulk-confirm").ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/phone/sms/campaigns/\d+$"));
            var id = page.Url.Split('/')[^1];
            await File.WriteAllTextAsync(idFile, id);
            Console.WriteLine($"campaign {id} confirmed in Chromium for {send} recipients to send; confirm → campaign page {clock.ElapsedMilliseconds} ms");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Signed inbound texts at RATE/s for SECONDS over real HTTP, each timed until the app's 200: the inbox meanwhile.</summary>
    /// <summary>
    /// Signed inbound webhooks at RATE/s for SECONDS, open loop. FROM: "recipients" (replies from the seeded contacts,
    /// +1646555…), "new" (numbers the app has never seen, so each of the first 5,000 makes a contact and a thread), or
    /// "warm-up" (other unknown numbers, to bring a freshly started app to its steady state first), or "warm-up-replies"
    /// (replies from the warm-up campaign's 100 recipients, +1313555…: the path of a reply to a campaign text, compiled
    /// before the measured run as a server that has been up a while has it).
    /// </summary>
    public static async Task<int> InboundAsync(Uri baseUrl, string token, double rate, int seconds, string from = "new")
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();
        var latencies = new List<double>();
        var timeline = new List<(double At, double Ms)>();
        var failures = 0;
        var tasks = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / rate);
        // This process is new: its first requests pay for its own JIT, for opening its connections and for its
        // thread pool growing from one thread per core, which Twilio's long-running senders do not. Start the pool
        // at the connection count and warm it with untimed requests (other unknown numbers) first.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var warm = Stats.InboundForm($"+1919{5550000 + i:D7}", "client warm-up");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(warm) };
            request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, warm));
            using var response = await http.SendAsync(request);
        }));
        var clock = Stopwatch.StartNew();
        var count = (int)(rate * seconds);
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var phone = from switch
            {
                "recipients" => OutboxBench.Phone(i % 5000),
                "warm-up" => $"+1918{5550000 + i % 5000:D7}",
                "warm-up-replies" => $"+1313{5550001 + i % 100:D7}",
                _ => $"+1917{5550000 + i % 5000:D7}",
            };
            var form = Stats.InboundForm(phone, $"Is the open house still on? ({i})");
            tasks.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, form));
                var at = clock.Elapsed.TotalSeconds;
                var sent = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                var ms = sent.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    if (response.IsSuccessStatusCode) { latencies.Add(ms); timeline.Add((at, ms)); } else failures++;
                }
            }));
        }
        await Task.WhenAll(tasks);
        var who = from switch
        {
            "recipients" => "replies from recipients",
            "warm-up" => "warm-up before the campaign",
            "warm-up-replies" => "warm-up: replies to the warm-up campaign",
            _ => "texts from unknown numbers",
        };
        Console.WriteLine($"{who}, signed webhooks at {rate:0}/s for {seconds} s during the campaign: {Stats.Describe(latencies)}, {failures} failed ({Stats.Load()})");
        // Where the slowest 1% fell: a burst (start-up, a long write) or spread over the run.
        var slowest = timeline.OrderByDescending(t => t.Ms).Take(Math.Max(1, timeline.Count / 100)).ToList();
        Console.WriteLine($"   the slowest 1% by 5 s of the run: {string.Join(", ", Enumerable.Range(0, (seconds + 4) / 5).Select(w => $"{w * 5}-{w * 5 + 5} s: {slowest.Count(t => (int)(t.At / 5) == w)}"))}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Waits until the campaign has nothing left to send, then checks each recipient got exactly one text.</summary>
    public static async Task<int> CheckAsync(string dbPath, long campaignId, int timeoutSeconds)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath};Pooling=false").Options;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = new SmsDbContext(options);
            var left = await db.Outbox.CountAsync(o => o.CampaignId == campaignId);
            var unsettled = await db.Messages.CountAsync(m => m.CampaignId == campaignId && m.Sid == null && m.Status != MessageStatus.Failed && m.Status != MessageStatus.Canceled);
            if (left == 0 && unsettled == 0) break;
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                Console.WriteLine($"campaign {campaignId}: {left} outbox rows and {unsettled} unsent texts left after {timeoutSeconds} s");
                return 1;
            }
            await Task.Delay(500);
        }
        await using (var db = new SmsDbContext(options))
        {
            var recipients = await db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.MessageId != null).Select(r => r.Phone).ToListAsync();
            var accepted = await db.SimulatedProviderMessages.Where(m => recipients.Contains(m.To)).GroupBy(m => m.To)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            var duplicates = accepted.Values.Count(n => n > 1);
            var never = recipients.Count(p => !accepted.ContainsKey(p));
            Console.WriteLine($"campaign {campaignId}: {recipients.Count:N0} recipients to send; provider accepted {accepted.Values.Sum():N0} texts; "
                + $"recipients with more than one: {duplicates}; never sent: {never}");
            return duplicates == 0 && never == 0 ? 0 : 1;
        }
    }
}

/// <summary>The plan's server side, in process, for the seeded selection: loading what it needs, and deciding every row.</summary>
public static class CampaignPlanInProcess
{
    public static async Task<int> RunAsync(string dbPath, int runs)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        var compliance = Microsoft.Extensions.Options.Options.Create(new Winnerr.Sms.Core.Compliance.ComplianceOptions());
        var window = new Winnerr.Sms.Core.Compliance.QuietHoursWindow(Microsoft.Extensions.Options.Options.Create(new Winnerr.Sms.Core.Compliance.QuietHoursOptions()));
        var planner = new CampaignPlanner(new Winnerr.Sms.Core.Compliance.ComplianceGate(compliance, window), window, new PhoneNumberNormalizer(),
            Microsoft.Extensions.Options.Options.Create(new CampaignOptions()));
        var load = new List<double>();
        var plan = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var db = new SmsDbContext(options);
            var clock = Stopwatch.StartNew();
            var audience = await db.CampaignAudiences.SingleAsync(a => a.Id == CampaignBench.Audience);
            var contacts = await PlanContacts.LoadAsync(db, audience.AgentId, audience.Ids(), DateTimeOffset.UtcNow, CancellationToken.None);
            load.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var result = planner.Plan(new PlanRequest("Alex Morgan", "Hi {{first_name}}, open house at 418 Maple this Sunday 1-3. Come by!", TextPurpose.Marketing, null),
                contacts, DateTimeOffset.UtcNow);
            plan.Add(clock.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"{result.Totals.Recipients:N0} recipients: {result.Totals.ToSend:N0} send, {result.Totals.Held:N0} held, {result.Totals.Skipped:N0} skipped");
        }
        Console.WriteLine($"load contacts + marketing history: {Stats.Describe(load)}");
        Console.WriteLine($"decide every row (gate, quiet hours, render, segments): {Stats.Describe(plan)} ({Stats.Load()})");
        return 0;
    }
}

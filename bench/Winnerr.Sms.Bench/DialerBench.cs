using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Data;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Issue 13's figures on the simulator, measured in the page (performance.now()): (a) click Call → the call state shows
/// "ringing"; (b) click an outcome → the follow-up text (prefilled for it) is sent and the provider accepted it (its SID
/// is on the message; the bench presses Send as soon as it can, so its own click is inside the figure). The contacts
/// have the simulator's busy number (…555-0101), so each call ends quickly.
/// </summary>
public static class DialerBench
{
    // Real US area codes: the follow-up goes through number validation like any text.
    private static readonly int[] AreaCodes = [201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239];

    private static string WatchFor(string startSelector, string doneSelector) => $$"""
        () => { window.__measured = new Promise(resolve => {
            let started = 0;
            document.addEventListener('click', e => { if (!started && e.target.closest('{{startSelector}}')) started = performance.now(); }, { capture: true });
            const done = () => started && document.querySelector('{{doneSelector}}');
            const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(performance.now() - started); } });
            mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => { mo.disconnect(); resolve(-1); }, 15000);
        }); }
        """;

    public static async Task<int> RunAsync(Uri baseUrl, string dbPath, int count)
    {
        var calls = Math.Min(count + 2, AreaCodes.Length);
        await SeedAsync(dbPath, calls);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await Browser.SignInAsync(page, baseUrl);
        // The app runs without the demo's seeded conversations, so People lists exactly the bench's contacts (one page).
        await page.GotoAsync(new Uri(baseUrl, "/people").ToString());
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=people-row]").First.WaitForAsync();
        await page.Locator("input[data-testid=people-select-page], [data-testid=people-select-page] input").First.CheckAsync();
        await page.GetByTestId("people-dial").ClickAsync();
        await page.WaitForURLAsync("**/phone/dialer");
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var ringing = new List<double>();
        var followUps = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            await page.Locator("[data-testid=dialer-call-state][data-state=idle]").WaitForAsync();
            await page.EvaluateAsync(WatchFor("[data-testid=dialer-call]", "[data-testid=dialer-call-state][data-state=ringing]"));
            await page.GetByTestId("dialer-call").ClickAsync();
            var ms = await page.EvaluateAsync<double>("() => window.__measured");
            if (ms < 0) throw new TimeoutException("the call never showed 'ringing'");
            if (i >= 2) ringing.Add(ms);

            await page.Locator("[data-testid=dialer-call-state][data-state=busy]").WaitForAsync();
            var followUp = page.GetByTestId("dialer-followup");
            await Microsoft.Playwright.Assertions.Expect(followUp).Not.ToHaveValueAsync("");
            await page.EvaluateAsync(WatchFor("[data-testid=dialer-outcome][data-outcome=busy]", "[data-testid=dialer-followup-sent][data-accepted=true]"));
            await page.Locator("[data-testid=dialer-outcome][data-outcome=busy]").ClickAsync();
            await page.GetByTestId("dialer-followup-send").ClickAsync();
            ms = await page.EvaluateAsync<double>("() => window.__measured");
            if (ms < 0) throw new TimeoutException("the follow-up was never accepted by the simulator");
            if (i >= 2) followUps.Add(ms);
            if (i < calls - 1) await page.GetByTestId("dialer-next").ClickAsync();
        }
        Console.WriteLine($"click Call → 'ringing' visible (simulator rings after Simulator:Calls:RingMilliseconds): {Stats.Describe(ringing)}; {Stats.Load()}");
        Console.WriteLine($"click outcome → follow-up sent, provider accepted (incl. the bench's Send click): {Stats.Describe(followUps)}; {Stats.Load()}");
        var ok = P95(ringing) <= 300 && P95(followUps) <= 300;
        if (!ok) Console.WriteLine("!! a p95 above 300 ms");
        return ok ? 0 : 1;
    }

    private static double P95(List<double> ms) => ms.Count == 0 ? double.MaxValue : ms.OrderBy(x => x).ElementAt(Math.Min(ms.Count - 1, (int)Math.Ceiling(0.95 * ms.Count) - 1));

    /// <summary>Contacts "Bench 00".. for the demo agent, each with the simulator's busy number; the app is running (WAL).</summary>
    private static async Task SeedAsync(string dbPath, int count)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        await using var db = new SmsDbContext(options);
        var agentId = await db.Users.Where(u => u.Email == (Environment.GetEnvironmentVariable("BENCH_EMAIL") ?? "demo@winnerr.test")).Select(u => u.AgentId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
            db.Contacts.Add(new Contact
            {
                AgentId = agentId, FirstName = "Bench", LastName = i.ToString("00"), Phone = $"+1{AreaCodes[i]}5550101",
                PropertyAddress = $"{100 + i} Maple Ave", CreatedAt = now,
            });
        await db.SaveChangesAsync();
    }
}

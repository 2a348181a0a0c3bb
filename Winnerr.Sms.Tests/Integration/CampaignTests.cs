using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Campaigns;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Outbox;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Campaigns on the simulator, which keeps every text it accepted: exactly one per eligible recipient, whatever happens.</summary>
public class CampaignTests : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private long _agentId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task StartAsync(double perSecond, string? dbPath = null, int? statusDelayMs = null)
    {
        _app = new SmsAppFactory(dbPath);
        if (statusDelayMs is { } delay) _app.Settings["Simulator:StatusDelayMilliseconds"] = delay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.Settings["Sms:MessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app.CreateClient();
        _agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
    }

    private CampaignService Campaigns => _app.Services.GetRequiredService<CampaignService>();

    private static string Phone(int i) => $"+1212555{i:0000}";

    /// <summary>Contacts with marketing consent, except the ones <paramref name="shape"/> changes.</summary>
    private async Task<List<long>> SeedAsync(int count, Action<int, Contact>? shape = null, IEnumerable<string>? phones = null)
    {
        var zone = Daytime.Zone();
        var now = DateTimeOffset.UtcNow;
        await using var db = await _app.DbAsync();
        var contacts = (phones ?? Enumerable.Range(1, count).Select(Phone)).Select((phone, i) =>
        {
            var c = new Contact
            {
                AgentId = _agentId, FirstName = $"Pat{i}", LastName = "Buyer", Phone = phone, TimeZone = zone, CreatedAt = now,
                Consent = ConsentStatus.MarketingOptIn, ConsentSource = "web form", ConsentAt = now.AddDays(-30),
            };
            shape?.Invoke(i, c);
            return c;
        }).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        return contacts.Select(c => c.Id).ToList();
    }

    private async Task<long> ConfirmAsync(IReadOnlyList<long> ids, string body = "Hi {{first_name}}, open house Sunday 1-3. Reply STOP to opt out.",
        TextPurpose purpose = TextPurpose.Marketing)
    {
        var audience = await Campaigns.CreateAudienceAsync(_agentId, ids);
        var (id, error) = await Campaigns.ConfirmAsync(new CreateCampaign(_agentId, audience, "Open house", body, null, purpose, null));
        Assert.Null(error);
        return id!.Value;
    }

    private async Task<CampaignProgress> WaitForAsync(long campaignId, Func<CampaignProgress, bool> done, int seconds = 60)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var view = await Campaigns.GetAsync(_agentId, campaignId);
            if (view is not null && done(view.Progress)) return view.Progress;
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"The campaign never got there: {view?.Progress}");
            await Task.Delay(25);
        }
    }

    /// <summary>How many texts the provider accepted for each number.</summary>
    private async Task<Dictionary<string, int>> ProviderCountsAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.SimulatedProviderMessages.GroupBy(m => m.To).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
    }

    [Fact]
    public async Task FiveHundredRecipients_EveryEligibleOneGetsExactlyOneTextInTheirOwnThread()
    {
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(500, (i, c) =>
        {
            if (i % 50 == 1) c.Consent = ConsentStatus.TransactionalOnly; // 10 without marketing consent
            if (i % 50 == 2) { c.Consent = ConsentStatus.OptedOut; c.IsOptedOut = true; c.OptOutKeyword = "STOP"; c.OptOutAt = DateTimeOffset.UtcNow.AddDays(-1); }
        });

        var id = await ConfirmAsync(ids);
        var progress = await WaitForAsync(id, p => p.Finished && p.Delivered == p.Sent);

        Assert.Equal((500, 480, 480, 0, 20, 0), (progress.Total, progress.Sent, progress.Delivered, progress.Failed, progress.Skipped, progress.Held));
        var counts = await ProviderCountsAsync();
        Assert.Equal(480, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));
        await using var db = await _app.DbAsync();
        // One thread per recipient, each with exactly its own campaign text.
        var perThread = await db.Messages.Where(m => m.CampaignId == id).GroupBy(m => m.ConversationId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(480, perThread.Count);
        Assert.All(perThread, n => Assert.Equal(1, n));
        Assert.Equal(0, await db.Outbox.CountAsync());
        var skipped = await Campaigns.RecipientsAsync(_agentId, id, RecipientStates.Skipped);
        Assert.Equal(10, skipped.Count(r => r.Reason == PlanReasons.NoConsent));
        Assert.Equal(10, skipped.Count(r => r.Reason == PlanReasons.OptedOut));
    }

    [Fact]
    public async Task WhenARecipientsThreadWaitsForAReply_ThenTheCampaignTextJoinsItAndItKeepsWaiting()
    {
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(3);
        var client = _app.CreateClient();
        Assert.True((await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(Phone(1), "Is it still available?")))).IsSuccessStatusCode);

        var id = await ConfirmAsync(ids);

        await using var db = await _app.DbAsync();
        var threads = await db.Conversations.Include(c => c.Contact).ToListAsync();
        Assert.Equal(3, threads.Count);
        var waiting = threads.Single(t => t.Contact.Phone == Phone(1));
        Assert.Equal((true, 1, MessageDirection.Outbound), (waiting.NeedsReply, waiting.UnreadCount, waiting.LastMessageDirection));
        Assert.StartsWith("Hi Pat0, open house Sunday", waiting.LastMessagePreview);
        Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == waiting.Id));
        Assert.All(threads.Where(t => t != waiting), t => Assert.Equal((false, 0, MessageDirection.Outbound), (t.NeedsReply, t.UnreadCount, t.LastMessageDirection)));
        Assert.Equal(3, await db.Messages.CountAsync(m => m.CampaignId == id));
    }

    [Fact]
    public async Task WhenARecipientTextsInTheBatchThatConfirmsTheCampaign_ThenTheyStillHaveOneThreadWithBoth()
    {
        // The writer applies a batch's commands in runs (tracked, then each direct writer): the campaign's run
        // must see the thread the inbound text made, whatever the order in the batch.
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(2);
        var audience = await Campaigns.CreateAudienceAsync(_agentId, ids);
        var handlers = _app.Services.GetRequiredService<InboxCommandHandlers>();
        await using (var db = await _app.DbAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var (_, batch) = await handlers.ApplyBatchAsync(db, [
                new CreateCampaign(_agentId, audience, "Open house", "Hi {{first_name}}, open house Sunday. Reply STOP to opt out.", null, TextPurpose.Marketing, null),
                new ReceiveSms("SMsamebatch1", Phone(2), SmsAppFactory.AgentNumber, "Hello!"),
            ], default);
            Assert.True(batch.OutboxChanged);
            await tx.CommitAsync();
        }
        await using var check = await _app.DbAsync();
        var threads = await check.Conversations.Include(c => c.Contact).ToListAsync();
        Assert.Equal(2, threads.Count);
        var replied = threads.Single(t => t.Contact.Phone == Phone(2));
        Assert.Equal(2, await check.Messages.CountAsync(m => m.ConversationId == replied.Id));
        Assert.Equal(1, replied.UnreadCount);
    }

    [Fact]
    public async Task TheRecipientsCsv_HasEveryRecipientWithStateAndReason_AndDefusesFormulas()
    {
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(3, (i, c) =>
        {
            if (i == 0) c.FirstName = "=HYPERLINK(\"http://x\")";
            if (i == 2) c.Consent = ConsentStatus.TransactionalOnly;
        });
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Finished && p.Delivered == p.Sent);

        var csv = new MemoryStream();
        await Campaigns.WriteCsvAsync(_agentId, id, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Name,Phone,State,Reason,Twilio error,Detail", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\") Buyer\",+12125550001,delivered,", lines[1]);
        Assert.StartsWith("Pat2 Buyer,+12125550003,skipped,no-consent,,No marketing consent", lines[3]);
        // Another agent's campaign is not there for them.
        var other = new MemoryStream();
        await Campaigns.WriteCsvAsync(_agentId + 1000, id, other);
        Assert.Equal(["Name,Phone,State,Reason,Twilio error,Detail"], System.Text.Encoding.UTF8.GetString(other.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ConfirmingTheSameComposerTwice_MakesOneCampaign()
    {
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(5);
        var audience = await Campaigns.CreateAudienceAsync(_agentId, ids);
        var command = new CreateCampaign(_agentId, audience, "Price drop", "New price on Maple. Reply STOP to opt out.", null, TextPurpose.Marketing, null);

        // Two tabs confirm at once.
        var results = await Task.WhenAll(Campaigns.ConfirmAsync(command), Campaigns.ConfirmAsync(command));

        Assert.Equal(results[0].Id, results[1].Id);
        await WaitForAsync(results[0].Id!.Value, p => p.Finished);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Campaigns.CountAsync());
        Assert.Equal(5, await db.Messages.CountAsync(m => m.CampaignId != null));
        Assert.All((await ProviderCountsAsync()).Values, n => Assert.Equal(1, n));
    }

    /// <summary>Runs <paramref name="body"/> on a database file of its own, which outlives the hosts the body starts and stops.</summary>
    private async Task OnOwnDatabaseAsync(Func<string, Task> body)
    {
        var path = SmsAppFactory.NewDatabasePath();
        try
        {
            await body(path);
        }
        finally
        {
            await _app.DisposeAsync();
            _app = null!;
            SmsAppFactory.DeleteDatabase(path);
        }
    }

    /// <summary>The database as it is with no host running.</summary>
    private static SmsDbContext Stopped(string path) => new(new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={path}").Options);

    [Fact]
    public Task WhenTheHostStopsMidCampaign_ThenTheRestartSendsEachRecipientExactlyOnce() => OnOwnDatabaseAsync(async path =>
    {
        await StartAsync(perSecond: 40, path);
        var ids = await SeedAsync(120);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent >= 20);
        await _app.DisposeAsync();
        await using (var db = Stopped(path))
            Assert.InRange(await db.SimulatedProviderMessages.CountAsync(), 20, 119);

        await StartAsync(perSecond: 0, path);
        var progress = await WaitForAsync(id, p => p.Finished);

        Assert.Equal((120, 120, 0), (progress.Total, progress.Sent, progress.Skipped));
        var counts = await ProviderCountsAsync();
        Assert.Equal(120, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));
    });

    [Fact]
    public Task WhenTheHostStopsWhileTextsWaitForTheirTurn_ThenTheyGoBackUnsentRatherThanToReconciliation() => OnOwnDatabaseAsync(async path =>
    {
        // At 2/s the dispatcher holds about four claimed texts waiting for their turn at any moment.
        await StartAsync(perSecond: 2, path);
        var ids = await SeedAsync(12);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent >= 2);
        await _app.DisposeAsync();

        await using var db = Stopped(path);
        var rows = await db.Outbox.Where(o => o.CampaignId == id).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((OutboxState.Pending, false, (string?)null), (r.State, r.Reconcile, r.ClaimToken)));
    });

    [Fact]
    public async Task WhenARecipientTextsStopMidCampaign_ThenTheyAreSkippedAndCountedAsOptedOut()
    {
        await StartAsync(perSecond: 4);
        var ids = await SeedAsync(12);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent >= 1);

        var last = Phone(12);
        var client = _app.CreateClient();
        Assert.True((await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(last, "STOP")))).IsSuccessStatusCode);
        var progress = await WaitForAsync(id, p => p.Finished);

        Assert.Equal((12, 11, 1, 1), (progress.Total, progress.Sent, progress.Skipped, progress.OptedOut));
        var counts = await ProviderCountsAsync();
        Assert.False(counts.ContainsKey(last));
        var stopped = (await Campaigns.RecipientsAsync(_agentId, id)).Single(r => r.Phone == last);
        Assert.Equal(RecipientStates.Skipped, stopped.State);
        Assert.Contains("STOP", stopped.Detail);
    }

    [Fact]
    public async Task WhenARecipientTextsStopWhileTheirTextWaitsForItsTurn_ThenItIsSkippedNotSent()
    {
        // At 2/s texts are claimed two seconds ahead: the third recipient's is claimed and waiting when the STOP comes.
        await StartAsync(perSecond: 2);
        var ids = await SeedAsync(8);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent >= 1);

        var third = Phone(3);
        var client = _app.CreateClient();
        Assert.True((await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(third, "STOP")))).IsSuccessStatusCode);
        await WaitForAsync(id, p => p.Finished);

        Assert.False((await ProviderCountsAsync()).ContainsKey(third));
        var stopped = (await Campaigns.RecipientsAsync(_agentId, id)).Single(r => r.Phone == third);
        Assert.Equal(RecipientStates.Skipped, stopped.State);
        Assert.Contains("STOP", stopped.Detail);
    }

    [Fact]
    public async Task WhenANumberIsInvalid_ThenOnlyThatRecipientFails()
    {
        await StartAsync(perSecond: 0);
        // Twilio's test numbers: 21211 (not a valid number) and 21614 (not a mobile).
        var phones = new[] { Phone(1), "+15005550001", Phone(2), "+15005550009", Phone(3) };
        var ids = await SeedAsync(phones.Length, phones: phones);
        var id = await ConfirmAsync(ids);

        var progress = await WaitForAsync(id, p => p.Finished);

        Assert.Equal((5, 3, 2), (progress.Total, progress.Sent, progress.Failed));
        var failed = await Campaigns.RecipientsAsync(_agentId, id, RecipientStates.Failed);
        Assert.Equal([21211, 21614], failed.Select(r => r.ErrorCode ?? 0).Order());
        Assert.All(failed, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
        Assert.Equal(CampaignState.Running, (await Campaigns.GetAsync(_agentId, id))!.State);
    }

    [Fact]
    public async Task PauseStopsSending_ResumeGoesOn_CancelStopsTheRest()
    {
        await StartAsync(perSecond: 5);
        var ids = await SeedAsync(40);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent >= 1);

        Assert.Null(await Campaigns.ChangeAsync(_agentId, id, CampaignAction.Pause));
        // Whatever was already claimed finishes; everything else is parked where no dispatcher claims it.
        await WaitUntilAsync(async db => !await db.Outbox.AnyAsync(o => o.CampaignId == id && o.State != OutboxState.Paused));
        var atPause = (await ProviderCountsAsync()).Count;
        await using (var db = await _app.DbAsync())
            Assert.Equal(40 - atPause, await db.Outbox.CountAsync(o => o.CampaignId == id && o.State == OutboxState.Paused));
        Assert.Equal(CampaignState.Paused, (await Campaigns.GetAsync(_agentId, id))!.State);

        Assert.Null(await Campaigns.ChangeAsync(_agentId, id, CampaignAction.Resume));
        await WaitForAsync(id, p => p.Sent >= atPause + 2);

        Assert.Null(await Campaigns.ChangeAsync(_agentId, id, CampaignAction.Cancel));
        var progress = await WaitForAsync(id, p => p.Finished);

        var sent = (await ProviderCountsAsync()).Count;
        Assert.InRange(sent, atPause + 2, 39);
        Assert.Equal((40, sent, 40 - sent), (progress.Total, progress.Sent, progress.Skipped));
        Assert.Equal(40 - sent, (await Campaigns.RecipientsAsync(_agentId, id, RecipientStates.Cancelled)).Count);
        Assert.NotNull(await Campaigns.ChangeAsync(_agentId, id, CampaignAction.Resume));
        await using (var db = await _app.DbAsync()) Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task WhenCarriersFilterTooMany_ThenTheCampaignPausesAndSaysWhy()
    {
        // Delivery receipts are held back, so the carrier's 30007 can be the first final status.
        await StartAsync(perSecond: 0, statusDelayMs: 600_000);
        var ids = await SeedAsync(30);
        var id = await ConfirmAsync(ids);
        await WaitForAsync(id, p => p.Sent == 30);

        await using (var db = await _app.DbAsync())
        {
            var writer = _app.Services.GetRequiredService<InboxWriter>();
            foreach (var m in await db.Messages.Where(m => m.CampaignId == id).OrderBy(m => m.Id).Take(3).ToListAsync())
                await writer.ExecuteAsync(new ApplyStatus(m.Id, m.Sid!, MessageStatus.Undelivered, 30007, "filtered"));
        }

        var view = (await Campaigns.GetAsync(_agentId, id))!;
        Assert.Equal(CampaignState.Paused, view.State);
        Assert.Contains("30007", view.PauseReason);
    }

    [Fact]
    public async Task AConsentRequestCampaign_ThenAYesRecordsMarketingConsent()
    {
        await StartAsync(perSecond: 0);
        var ids = await SeedAsync(3, (_, c) => c.Consent = ConsentStatus.TransactionalOnly);
        var audience = await Campaigns.CreateAudienceAsync(_agentId, ids);
        var (id, error) = await Campaigns.ConfirmAsync(new CreateCampaign(_agentId, audience, "Consent request",
            "{{agent_name}} here. Reply YES to get new listings and open-house invites by text. Reply STOP to opt out.", null, TextPurpose.Transactional, null,
            RequestsConsent: true));
        Assert.Null(error);
        await WaitForAsync(id!.Value, p => p.Finished);

        var client = _app.CreateClient();
        Assert.True((await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(Phone(1), "Yes")))).IsSuccessStatusCode);

        await WaitUntilAsync(async db => await db.Contacts.AnyAsync(c => c.Phone == Phone(1) && c.Consent == ConsentStatus.MarketingOptIn));
        await using var check = await _app.DbAsync();
        var yes = await check.Contacts.SingleAsync(c => c.Phone == Phone(1));
        Assert.StartsWith("replied YES to request on", yes.ConsentSource);
        Assert.Equal(2, await check.Contacts.CountAsync(c => c.Consent == ConsentStatus.TransactionalOnly));
        Assert.Equal(1, (await Campaigns.GetAsync(_agentId, id.Value))!.Progress.Replied);
    }

    [Fact]
    public async Task WhenACampaignIsCancelledWhileItsTextsAreInADispatchersHands_ThenAHoldARetryOrARefusalCancelsThem_AndAnUnknownOneIsReconciledNotSent()
    {
        await StartAsync(perSecond: 0);
        var writer = _app.Services.GetRequiredService<InboxWriter>();
        // With the sender paused no dispatcher claims the campaign's texts: the test holds the claims, as a dispatcher would.
        await using (var db = await _app.DbAsync())
            await db.AgentNumbers.Where(n => n.PhoneNumber == SmsAppFactory.AgentNumber).ExecuteUpdateAsync(s => s.SetProperty(n => n.PausedAt, DateTimeOffset.UtcNow));
        var id = await ConfirmAsync(await SeedAsync(4));
        const string token = "another-node:claim";
        List<long> messages;
        await using (var db = await _app.DbAsync())
        {
            Assert.Equal(4, await db.Outbox.Where(o => o.CampaignId == id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, OutboxState.Sending).SetProperty(o => o.ClaimToken, token)
                .SetProperty(o => o.ClaimedAt, DateTimeOffset.UtcNow).SetProperty(o => o.Attempts, 1)));
            messages = await db.Outbox.Where(o => o.CampaignId == id).OrderBy(o => o.MessageId).Select(o => o.MessageId).ToListAsync();
        }

        Assert.Null(await Campaigns.ChangeAsync(_agentId, id, CampaignAction.Cancel));
        await writer.ExecuteAsync(new HoldOutbound(messages[0], token, DateTimeOffset.UtcNow.AddHours(8)));
        await writer.ExecuteAsync(new RecordSendOutcome(messages[1], token, SendResult.Refused(SendOutcome.Retryable, 20429, "Too many requests")));
        await writer.ExecuteAsync(new RecordSendOutcome(messages[2], token, SendResult.Refused(SendOutcome.Configuration, 30034, "Not registered")));
        await writer.ExecuteAsync(new RecordSendOutcome(messages[3], token, SendResult.Refused(SendOutcome.Unknown, null, "The SMS provider did not answer.")));

        await using (var db = await _app.DbAsync())
        {
            // Certainly unsent: cancelled at once, as the cancel did for the texts still waiting.
            Assert.All(await db.Messages.Where(m => messages.Take(3).Contains(m.Id)).ToListAsync(), m => Assert.Equal(MessageStatus.Canceled, m.Status));
            // It may have reached the provider: not parked where no dispatcher looks, but pending, to be reconciled first.
            var unknown = await db.Outbox.SingleAsync(o => o.CampaignId == id);
            Assert.Equal((messages[3], OutboxState.Pending, true), (unknown.MessageId, unknown.State, unknown.Reconcile));
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.DueAt, DateTimeOffset.UtcNow));
        }
        await writer.ExecuteAsync(new ResumeSender(SmsAppFactory.AgentNumber));

        // The provider never saw it, so it is cancelled too, and nothing of the cancelled campaign is sent.
        await WaitUntilAsync(async db => !await db.Outbox.AnyAsync());
        await using (var db = await _app.DbAsync())
        {
            Assert.Equal(MessageStatus.Canceled, (await db.Messages.SingleAsync(m => m.Id == messages[3])).Status);
            // Each was its thread's last text: the thread list says so too.
            Assert.All(await db.Messages.Where(m => messages.Contains(m.Id)).Select(m => m.Conversation.LastMessageStatus).ToListAsync(),
                status => Assert.Equal(MessageStatus.Canceled, status));
        }
        Assert.Empty(await ProviderCountsAsync());
        Assert.Equal(4, (await Campaigns.RecipientsAsync(_agentId, id, RecipientStates.Cancelled)).Count);
    }

    private async Task WaitUntilAsync(Func<SmsDbContext, Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = await _app.DbAsync())
                if (await condition(db)) return;
            if (watch.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("Never reached the expected state.");
            await Task.Delay(20);
        }
    }
}

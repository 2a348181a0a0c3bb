using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Simulator;
using Winnerr.Sms.Core.Compliance;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Outbox;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The outbox, the gate and the dispatcher together, on the simulator that keeps a log of what it accepted.</summary>
public class SendPipelineTests : IAsyncLifetime
{
    private const string Maria = "+12125550147";
    private readonly SmsAppFactory _app = new();
    private HttpClient _client = null!;
    private long _agentId;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        _agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OutboundSmsService Outbound => _app.Services.GetRequiredService<OutboundSmsService>();
    private InboxWriter Writer => _app.Services.GetRequiredService<InboxWriter>();

    private async Task InboundAsync(string from, string body) =>
        Assert.True((await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(from, body)))).IsSuccessStatusCode);

    private async Task<int> ProviderCountAsync(string? to = null)
    {
        await using var db = await _app.DbAsync();
        return await db.SimulatedProviderMessages.CountAsync(m => to == null || m.To == to);
    }

    private async Task<long> ConversationIdAsync(string phone)
    {
        await using var db = await _app.DbAsync();
        return await db.Conversations.Where(c => c.Contact.Phone == phone).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task WhenTheContactTextedStop_ThenEveryPathIsRefusedWithNoProviderCall()
    {
        await InboundAsync(Maria, "Is 418 Maple still available?");
        var conversationId = await ConversationIdAsync(Maria);
        // Queued before the STOP, to go later: the gate looks again when it is due.
        var scheduled = await Outbound.SendAsync(_agentId, conversationId, "Open house Saturday!", DateTimeOffset.UtcNow.AddHours(1));
        long failedId;
        await using (var db = await _app.DbAsync())
        {
            var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync();
            var failed = new Message
            {
                ConversationId = conversation.Id, ContactId = conversation.ContactId, Direction = MessageDirection.Outbound, Body = "Earlier text",
                Status = MessageStatus.Failed, ErrorCode = 30003, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Messages.Add(failed);
            await db.SaveChangesAsync();
            failedId = failed.Id;
        }
        await InboundAsync(Maria, "STOP");

        var refusals = new[]
        {
            await Outbound.SendAsync(_agentId, conversationId, "Inbox compose or a template's send button"),
            await Outbound.SendToNumberAsync(_agentId, "(212) 555-0147", "New message or the profile's SMS"),
            await Outbound.SendAsync(_agentId, conversationId, "Send later", DateTimeOffset.UtcNow.AddHours(2)),
            await Outbound.RetryAsync(_agentId, failedId),
            await Writer.ExecuteAsync(new QueueOutbound(_agentId, conversationId, null, "Campaign text", TextPurpose.Marketing, Priority: OutboxPriority.Bulk)),
        };
        foreach (var refused in refusals)
        {
            Assert.Equal((WriteOutcome.Refused, GateCodes.KeywordOptOut), (refused.Outcome, refused.Code));
            Assert.Contains("texted STOP", refused.Error);
        }

        // The text scheduled before the STOP comes due: refused at dispatch, canceled with the reason on it.
        var canceled = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == MessageStatus.Canceled, async () =>
        {
            await using var db = await _app.DbAsync();
            var row = await db.Outbox.SingleAsync(o => o.MessageId == scheduled.Outbound!.MessageId);
            row.DueAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            _app.Services.GetRequiredService<OutboxSignal>().Notify();
        });
        Assert.Contains("blocked until they text START", canceled.Message.ErrorMessage);
        Assert.Equal(0, await ProviderCountAsync());
        await using (var db = await _app.DbAsync())
        {
            Assert.Equal(0, await db.Outbox.CountAsync());
            Assert.Equal(2, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound));
        }
    }

    [Fact]
    public async Task AfterAConfirmedRevocation_RepliesGoOnlyInsideTheWindowAndMarketingNever()
    {
        await _app.WaitForAsync<ThreadChanged>(_agentId, e => e.Thread.RevocationPending, () => InboundAsync(Maria, "please stop texting me"));
        var marketing = await Writer.ExecuteAsync(new QueueOutbound(_agentId, await ConversationIdAsync(Maria), null, "New listing!", TextPurpose.Marketing));
        Assert.Equal(GateCodes.RevocationPending, marketing.Code);

        long contactId;
        await using (var db = await _app.DbAsync()) contactId = (await db.Contacts.SingleAsync()).Id;
        var confirmation = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == MessageStatus.Delivered,
            () => Writer.ExecuteAsync(new ReviewRevocation(_agentId, contactId, Confirm: true)));
        Assert.StartsWith("You're opted out", confirmation.Message.Body);
        await using (var db = await _app.DbAsync())
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.Equal((true, "revoked in own words", (DateTimeOffset?)null), (contact.IsOptedOut, contact.ConsentSource, contact.RevocationFlaggedAt));
            Assert.Contains(await db.ContactEvents.Select(e => e.Text).ToListAsync(), t => t.Contains("please stop texting me"));
        }

        // Nothing they wrote since the opt-out: no reply may go yet.
        var early = await Outbound.SendToNumberAsync(_agentId, Maria, "Sorry to see you go");
        Assert.Equal(GateCodes.ReplyWindow, early.Code);

        await InboundAsync(Maria, "Wait, what time is the showing tomorrow?");
        WriteResult queued = null!;
        var reply = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == MessageStatus.Delivered,
            async () => queued = await Outbound.SendToNumberAsync(_agentId, Maria, "It's at 2 PM."));
        Assert.Equal(WriteOutcome.Done, queued.Outcome);
        Assert.Equal("It's at 2 PM.", reply.Message.Body);
        var campaign = await Writer.ExecuteAsync(new QueueOutbound(_agentId, null, Maria, "Price drop on 418 Maple!", TextPurpose.Marketing));
        Assert.Equal(GateCodes.OptedOut, campaign.Code);

        await using (var db = await _app.DbAsync())
        {
            (await db.Contacts.SingleAsync()).LastInboundAt = DateTimeOffset.UtcNow.AddHours(-25);
            await db.SaveChangesAsync();
        }
        var late = await Outbound.SendToNumberAsync(_agentId, Maria, "Following up");
        Assert.Equal((WriteOutcome.Refused, GateCodes.ReplyWindow), (late.Outcome, late.Code));
        Assert.Equal(2, await ProviderCountAsync(Maria));
    }

    [Fact]
    public async Task WhenAFlaggedTextIsDismissed_ThenNothingChangesButTheRecord()
    {
        await InboundAsync(Maria, "Remove me from your list");
        long contactId;
        await using (var db = await _app.DbAsync()) contactId = (await db.Contacts.SingleAsync(c => c.RevocationFlaggedAt != null)).Id;

        await Writer.ExecuteAsync(new ReviewRevocation(_agentId, contactId, Confirm: false));

        await using var check = await _app.DbAsync();
        var contact = await check.Contacts.SingleAsync();
        Assert.Equal((false, (DateTimeOffset?)null), (contact.IsOptedOut, contact.RevocationFlaggedAt));
        Assert.Equal(0, await ProviderCountAsync());
    }

    [Theory]
    [InlineData("can we stop by at 5?")]
    [InlineData("STOP")]
    public async Task WhenATextIsAKeywordOrMerelyMentionsStopping_ThenNoFlagIsRaised(string body)
    {
        await InboundAsync(Maria, body);
        await using var db = await _app.DbAsync();
        Assert.Null((await db.Contacts.SingleAsync()).RevocationFlaggedAt);
    }
}

/// <summary>A host that dies between the claim and the recorded outcome; the next one reconciles.</summary>
public class OutboxRecoveryTests
{
    /// <summary>Stands for the process dying at a point of the send: the claim is made, the outcome never recorded.</summary>
    private sealed class DyingSender(SimulatorSmsSender simulator, bool reachProviderFirst, TaskCompletionSource died) : ISmsSender
    {
        public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default)
        {
            if (reachProviderFirst) await simulator.SendAsync(sms, ct);
            died.TrySetResult();
            throw new InvalidOperationException("The process died here.");
        }

        public Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, IReadOnlySet<string> knownSids, CancellationToken ct = default) =>
            simulator.FindAcceptedAsync(sms, since, knownSids, ct);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhenTheHostStopsAfterTheClaim_ThenTheRestartReconcilesAndTheTextGoesExactlyOnce(bool providerHadIt)
    {
        var path = SmsAppFactory.NewDatabasePath();
        try
        {
            long messageId;
            await using (var first = new SmsAppFactory(path))
            {
                first.Settings["Simulator:StatusDelayMilliseconds"] = "600000";
                var died = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                first.ConfigureTestServices = s => s.AddSingleton<ISmsSender>(sp => new DyingSender(sp.GetRequiredService<SimulatorSmsSender>(), providerHadIt, died));
                first.CreateClient();
                var agentId = await first.AgentIdAsync(SmsAppFactory.AgentEmail);
                messageId = (await first.Services.GetRequiredService<OutboundSmsService>().SendToNumberAsync(agentId, "+12125550147", "See you at 2")).Outbound!.MessageId;
                // The host goes down once the send has reached the point where the process dies.
                await died.Task.WaitAsync(TimeSpan.FromSeconds(15));
                await WaitUntilAsync(first, async db => await db.Outbox.AnyAsync(o => o.State == OutboxState.Sending && o.Attempts == 1));
            }
            await using (var db = await OpenAsync(path))
            {
                Assert.Equal(OutboxState.Sending, (await db.Outbox.SingleAsync()).State);
                Assert.Equal(providerHadIt ? 1 : 0, await db.SimulatedProviderMessages.CountAsync());
            }

            await using var second = new SmsAppFactory(path);
            second.Settings["Simulator:StatusDelayMilliseconds"] = "600000";
            second.CreateClient();
            await WaitUntilAsync(second, async db => !await db.Outbox.AnyAsync());

            await using var check = await second.DbAsync();
            var sent = await check.SimulatedProviderMessages.SingleAsync();
            var message = await check.Messages.SingleAsync(m => m.Id == messageId);
            Assert.Equal((sent.Sid, MessageStatus.Queued), (message.Sid, message.Status));
        }
        finally
        {
            SmsAppFactory.DeleteDatabase(path);
        }
    }

    private static async Task<Winnerr.Sms.Core.Data.SmsDbContext> OpenAsync(string path)
    {
        var options = new DbContextOptionsBuilder<Winnerr.Sms.Core.Data.SmsDbContext>().UseSqlite($"Data Source={path}").Options;
        await Task.CompletedTask;
        return new Winnerr.Sms.Core.Data.SmsDbContext(options);
    }

    private static async Task WaitUntilAsync(SmsAppFactory app, Func<Winnerr.Sms.Core.Data.SmsDbContext, Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = await app.DbAsync())
                if (await condition(db)) return;
            if (deadline.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("The outbox never reached the expected state.");
            await Task.Delay(20);
        }
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>
/// The app on the real Twilio transport (SDK, HttpClient, resilience handler) against a stub of
/// Twilio's Messages API on loopback: what the dispatcher does with each kind of answer.
/// </summary>
public class TwilioPipelineTests : IAsyncLifetime
{
    private TwilioApiStub _twilio = null!;
    private SmsAppFactory _app = null!;
    private long _agentId;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioApiStub.StartAsync();
        _app = new SmsAppFactory();
        _app.Settings["Sms:Transport"] = "Twilio";
        _app.Settings["Twilio:AccountSid"] = TwilioApiStub.AccountSid;
        _app.Settings["Twilio:ApiBaseUrl"] = _twilio.BaseUrl.ToString();
        _app.Settings["Twilio:RetryBaseDelay"] = "00:00:00.100";
        _app.Settings["Sms:RetryBaseDelay"] = "00:00:00.300";
        _app.Settings["Sms:MessagesPerSecond"] = "5";
        _app.CreateClient();
        _agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    private OutboundSmsService Outbound => _app.Services.GetRequiredService<OutboundSmsService>();

    private Task<MessageStatusChanged> SendAndWaitAsync(string to, string body, Func<MessageStatusChanged, bool> until) =>
        _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Body == body && until(e),
            async () => Assert.Equal(WriteOutcome.Done, (await Outbound.SendToNumberAsync(_agentId, to, body)).Outcome));

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    [Fact]
    public async Task When429ThenSuccess_ThenTheSendIsRetriedAfterABackoffAndAcceptedOnce()
    {
        _twilio.ReplyToPosts(StubReply.Error(429, 20429), StubReply.Created("SMaccepted0000000000000000000000001"));

        await SendAndWaitAsync("+12125550147", "See you at 2", e => e.Message.Status == MessageStatus.Queued);

        var posts = _twilio.Posts;
        Assert.Equal(2, posts.Count);
        Assert.True(Ms(posts[0].Timestamp, posts[1].Timestamp) >= 100, "the retry waited for its backoff");
        await using var db = await _app.DbAsync();
        Assert.Equal("SMaccepted0000000000000000000000001", (await db.Messages.SingleAsync()).Sid);
    }

    [Fact]
    public async Task WhenTheSendersQueueIsFull_ThenTheOutboxRetriesLaterWithBackoff()
    {
        _twilio.ReplyToPosts(StubReply.Error(400, 21611), StubReply.Created("SMaccepted0000000000000000000000002"));

        await SendAndWaitAsync("+12125550147", "Queue overflow", e => e.Message.Status == MessageStatus.Queued);

        var posts = _twilio.Posts;
        Assert.Equal(2, posts.Count);
        // Sms:RetryBaseDelay 300 ms with ±20% jitter.
        Assert.True(Ms(posts[0].Timestamp, posts[1].Timestamp) >= 240, "the outbox backed off before sending again");
    }

    [Fact]
    public async Task When21610_ThenTheTextFailsForGoodAndTheContactIsOptedOut()
    {
        _twilio.ReplyToPosts(StubReply.Error(400, 21610));

        var failed = await SendAndWaitAsync("+12125550147", "Hello", e => e.Message.Status == MessageStatus.Failed);

        Assert.Equal(21610, failed.Message.ErrorCode);
        Assert.False(failed.Message.CanRetry);
        Assert.Single(_twilio.Posts);
        await using var db = await _app.DbAsync();
        Assert.True((await db.Contacts.SingleAsync()).IsKeywordOptOut);
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task WhenTheNumberIsNotRegistered_ThenTheSenderPausesUntilResumedAndTheTextWaits()
    {
        _twilio.ReplyToPosts(StubReply.Error(400, 30034));

        var waiting = await SendAndWaitAsync("+12125550147", "Hello", e => e.Message.ErrorCode == 30034);
        Assert.Equal(MessageStatus.Queued, waiting.Message.Status);
        Assert.Contains("paused", waiting.Message.ErrorMessage);
        await using (var db = await _app.DbAsync())
            Assert.NotNull((await db.AgentNumbers.SingleAsync()).PausedAt);
        // Another text from the paused number waits too, without a provider call.
        await Outbound.SendToNumberAsync(_agentId, "+13125550190", "Second");
        Assert.Single(_twilio.Posts);

        await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Body == "Second" && e.Message.Status == MessageStatus.Queued && e.Message.ErrorMessage is null,
            () => _app.Services.GetRequiredService<InboxWriter>().ExecuteAsync(new ResumeSender(SmsAppFactory.AgentNumber)));
        Assert.Equal(3, _twilio.Posts.Count);
    }

    [Fact]
    public async Task WhenManyTextsWait_ThenTheSenderNeverStartsMoreThanItsPaceInASecond()
    {
        var bodies = Enumerable.Range(0, 12).Select(i => $"Open house reminder {i}").ToList();
        await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => _twilio.Posts.Count == bodies.Count && e.Message.Status == MessageStatus.Queued, async () =>
        {
            for (var i = 0; i < bodies.Count; i++)
                await Outbound.SendToNumberAsync(_agentId, $"+1312555{i:D4}", bodies[i]);
        }, TimeSpan.FromSeconds(20));

        // The pace is about when each provider call starts (the message's SentAt); the network adds its own delay after that.
        var starts = await SentAtOfAllAsync(bodies.Count);
        var busiestSecond = starts.Max(t => starts.Count(u => u >= t && u - t < TimeSpan.FromSeconds(1)));
        Assert.True(busiestSecond <= 5, $"{busiestSecond} sends started in one second at a pace of 5/s");
        Assert.Equal(bodies.Count, _twilio.Posts.Select(p => p.Form["Body"]).Distinct().Count());
    }

    /// <summary>The SentAt of every message, once all <paramref name="count"/> have their provider answer recorded.</summary>
    private async Task<List<DateTimeOffset>> SentAtOfAllAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await _app.DbAsync();
            var sent = await db.Messages.Where(m => m.SentAt != null).Select(m => m.SentAt!.Value).ToListAsync();
            if (sent.Count == count) return sent.Order().ToList();
            if (watch.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException($"Only {sent.Count} of {count} sends were recorded.");
            await Task.Delay(50);
        }
    }
}

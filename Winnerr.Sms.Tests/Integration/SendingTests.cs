using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Sending through the simulator, whose status callbacks come back through the real signed endpoint.</summary>
public class SendingTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();
    private HttpClient _client = null!;
    private long _agentId;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        await using var db = await _app.DbAsync();
        _agentId = (await db.Agents.SingleAsync()).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OutboundSmsService Outbound => _app.Services.GetRequiredService<OutboundSmsService>();

    private Task<HttpResponseMessage> InboundAsync(string from, string body) =>
        _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(from, body)));

    [Fact]
    public async Task WhenAgentSends_ThenMessageIsStoredQueuedAndReachesDeliveredThroughStatusCallbacks()
    {
        WriteResult result = null!;
        var delivered = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == "delivered",
            async () => result = await Outbound.SendToNumberAsync(_agentId, "(212) 555-0147", "Showing confirmed for Saturday 2 PM"));

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        await using var db = await _app.DbAsync();
        var message = await db.Messages.Include(m => m.Contact).SingleAsync();
        Assert.Equal(delivered.Message.Id, message.Id);
        Assert.Equal(("delivered", "+12125550147"), (message.Status, message.Contact.Phone));
        Assert.StartsWith("SM", message.Sid);
        Assert.Equal(34, message.Sid!.Length);
    }

    [Fact]
    public async Task WhenStatusCallbacksArriveOutOfOrder_ThenDeliveredStays()
    {
        var queued = await _app.Services.GetRequiredService<InboxWriter>()
            .ExecuteAsync(new QueueOutbound(_agentId, null, "+12125550147", "hello"));
        var id = queued.Outbound!.MessageId;

        foreach (var status in new[] { "delivered", "sent", "queued" })
        {
            var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/status?mid={id}",
                new Dictionary<string, string> { ["MessageSid"] = "SMabc", ["MessageStatus"] = status }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var db = await _app.DbAsync();
        var message = await db.Messages.SingleAsync();
        Assert.Equal(("delivered", "SMabc"), (message.Status, message.Sid));
    }

    [Fact]
    public async Task WhenCarrierReportsFailure_ThenErrorCodeAndReadableReasonAreStored()
    {
        var queued = await _app.Services.GetRequiredService<InboxWriter>()
            .ExecuteAsync(new QueueOutbound(_agentId, null, "+12125550147", "hello"));

        await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/status?mid={queued.Outbound!.MessageId}", new Dictionary<string, string>
        {
            ["MessageSid"] = "SMfail", ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30006",
        }));

        await using var db = await _app.DbAsync();
        var message = await db.Messages.SingleAsync();
        Assert.Equal(("undelivered", 30006), (message.Status, message.ErrorCode));
        Assert.Contains("landline", message.ErrorMessage);
    }

    [Fact]
    public async Task WhenSendingToTwilioMagicInvalidNumber_ThenMessageFailsWith21211AndIsKept()
    {
        var failed = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == "failed",
            () => Outbound.SendToNumberAsync(_agentId, "+15005550001", "hello"));

        Assert.Equal(21211, failed.Message.ErrorCode);
        Assert.Contains("not a valid phone number", failed.Message.ErrorMessage);
        await using var db = await _app.DbAsync();
        Assert.Equal("hello", (await db.Messages.SingleAsync()).Body);
    }

    [Fact]
    public async Task WhenContactTextsStop_ThenTheyAreOptedOutAndTextsFailWith21610UntilStart()
    {
        Assert.Equal(HttpStatusCode.OK, (await InboundAsync("+12125550147", "STOP")).StatusCode);
        await using (var db = await _app.DbAsync())
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.True(contact.IsOptedOut);
            Assert.Equal("STOP", contact.OptOutKeyword);
        }

        var refused = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == "failed",
            () => Outbound.SendToNumberAsync(_agentId, "+12125550147", "Are you still looking?"));
        Assert.Equal(21610, refused.Message.ErrorCode);

        Assert.Equal(HttpStatusCode.OK, (await InboundAsync("+12125550147", "start")).StatusCode);
        await using (var db = await _app.DbAsync()) Assert.False((await db.Contacts.SingleAsync()).IsOptedOut);

        var retried = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == "delivered",
            () => Outbound.RetryAsync(_agentId, refused.Message.Id));
        Assert.Equal(refused.Message.Id, retried.Message.Id);
    }

    [Fact]
    public async Task WhenMessageMerelyContainsStop_ThenContactIsNotOptedOut()
    {
        await InboundAsync("+12125550147", "Please don't stop sending me listings");

        await using var db = await _app.DbAsync();
        Assert.False((await db.Contacts.SingleAsync()).IsOptedOut);
    }

    [Fact]
    public async Task WhenContactTextsHelp_ThenKeywordIsRecordedWithoutOptingOut()
    {
        await InboundAsync("+12125550147", "HELP");

        await using var db = await _app.DbAsync();
        Assert.Equal("HELP", (await db.Messages.SingleAsync()).Keyword);
        Assert.False((await db.Contacts.SingleAsync()).IsOptedOut);
    }
}

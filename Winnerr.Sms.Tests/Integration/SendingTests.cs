using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Compliance;
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

    /// <summary>Sends through the outbox and waits until the provider's SID is recorded.</summary>
    private async Task<(long Id, string Sid)> SentAsync(string to, string body)
    {
        await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Body == body,
            () => Outbound.SendToNumberAsync(_agentId, to, body));
        await using var db = await _app.DbAsync();
        var message = await db.Messages.SingleAsync(m => m.Body == body);
        return (message.Id, message.Sid!);
    }

    [Fact]
    public async Task WhenStatusCallbacksArriveOutOfOrder_ThenDeliveredStays()
    {
        var (id, sid) = await SentAsync("+12125550147", "hello");

        foreach (var status in new[] { "delivered", "sent", "queued" })
        {
            var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/status?mid={id}",
                new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = status }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var db = await _app.DbAsync();
        var message = await db.Messages.SingleAsync();
        Assert.Equal(("delivered", sid), (message.Status, message.Sid));
    }

    [Fact]
    public async Task WhenCarrierReportsFailure_ThenErrorCodeAndReadableReasonAreStored()
    {
        await using var slowCarrier = new SmsAppFactory();
        slowCarrier.Settings["Simulator:StatusDelayMilliseconds"] = "60000";
        var client = slowCarrier.CreateClient();
        var agentId = await slowCarrier.AgentIdAsync(SmsAppFactory.AgentEmail);
        var outbound = slowCarrier.Services.GetRequiredService<OutboundSmsService>();
        await slowCarrier.WaitForAsync<MessageStatusChanged>(agentId, _ => true, () => outbound.SendToNumberAsync(agentId, "+12125550147", "hello"));
        long id;
        string sid;
        await using (var db = await slowCarrier.DbAsync()) (id, sid) = await db.Messages.Select(m => new ValueTuple<long, string>(m.Id, m.Sid!)).SingleAsync();

        await client.SendAsync(slowCarrier.SignedPost($"/webhooks/twilio/status?mid={id}", new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30006",
        }));

        await using var check = await slowCarrier.DbAsync();
        var message = await check.Messages.SingleAsync();
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
    public async Task WhenContactTextsStop_ThenTheyAreOptedOutAndTextsAreRefusedUntilStart()
    {
        Assert.Equal(HttpStatusCode.OK, (await InboundAsync("+12125550147", "STOP")).StatusCode);
        await using (var db = await _app.DbAsync())
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.True(contact.IsOptedOut);
            Assert.Equal("STOP", contact.OptOutKeyword);
        }

        var refused = await Outbound.SendToNumberAsync(_agentId, "+12125550147", "Are you still looking?");
        Assert.Equal((WriteOutcome.Refused, GateCodes.KeywordOptOut), (refused.Outcome, refused.Code));
        Assert.Contains("blocked until they text START", refused.Error);

        Assert.Equal(HttpStatusCode.OK, (await InboundAsync("+12125550147", "start")).StatusCode);
        await using (var db = await _app.DbAsync()) Assert.False((await db.Contacts.SingleAsync()).IsOptedOut);

        var delivered = await _app.WaitForAsync<MessageStatusChanged>(_agentId, e => e.Message.Status == "delivered",
            () => Outbound.SendToNumberAsync(_agentId, "+12125550147", "Are you still looking?"));
        Assert.Equal("Are you still looking?", delivered.Message.Body);
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

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Dialer;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The Twilio voice transport against a stub of Twilio's Calls API: click-to-call rings the agent first.</summary>
public sealed class DialerTwilioTransportTests : IAsyncLifetime
{
    private const string Public = "https://sms.example.com";
    private SmsAppFactory _app = null!;
    private TwilioCallsStub _twilio = null!;
    private DialerService _dialer = null!;
    private long _agent, _session, _entry;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioCallsStub.StartAsync();
        _app = new SmsAppFactory();
        _app.Settings["Dialer:Transport"] = "Twilio";
        _app.Settings["Twilio:AccountSid"] = TwilioApiStub.AccountSid;
        _app.Settings["Twilio:ApiBaseUrl"] = _twilio.BaseUrl.ToString();
        _app.Settings["Twilio:PublicBaseUrl"] = Public;
        _ = _app.Server;
        _agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var maria = (await _app.Services.GetRequiredService<ContactService>().CreateAsync(_agent, new ContactInput("Maria", "Lopez", "+12125550147"))).ContactId!.Value;
        _dialer = _app.Services.GetRequiredService<DialerService>();
        _session = (await _dialer.StartAsync(_agent, "People selection", [maria])).Id!.Value;
        _entry = (await _app.Services.GetRequiredService<DialerQueries>().LatestAsync(_agent))!.CurrentEntryId!.Value;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task WhenTheAgentHasNoPhoneSet_ThenTheCallIsRefusedWithWhatToDo()
    {
        var result = await _dialer.CallAsync(_agent, _session, _entry);

        Assert.False(result.Ok);
        Assert.Contains("Set your own phone", result.Error);
        Assert.Empty(_twilio.Posts);
        await using var db = await _app.DbAsync();
        Assert.Equal("failed", (await db.DialerCalls.SingleAsync()).Status);
    }

    [Fact]
    public async Task WhenTheAgentCalls_ThenTwilioRingsTheAgentsPhoneWithTheConnectUrlAndStatusCallbacks()
    {
        await _dialer.SaveSettingsAsync(_agent, "(312) 555-0177", machineDetection: true, []);

        var result = await _dialer.CallAsync(_agent, _session, _entry);

        Assert.True(result.Ok, result.Error);
        var (path, form) = Assert.Single(_twilio.Posts);
        Assert.EndsWith("/Calls.json", path);
        Assert.Equal(["+13125550177"], form["To"]);
        Assert.Equal([SmsAppFactory.AgentNumber], form["From"]);
        Assert.Equal([$"{Public}/webhooks/twilio/voice/connect?cid={result.Id}"], form["Url"]);
        Assert.Equal([$"{Public}/webhooks/twilio/voice/status?cid={result.Id}&leg=agent"], form["StatusCallback"]);
        Assert.Equal(["initiated", "ringing", "answered", "completed"], form["StatusCallbackEvent"]);
        await using var db = await _app.DbAsync();
        var call = await db.DialerCalls.SingleAsync();
        Assert.StartsWith("CA", call.AgentCallSid);

        var hangUp = await _dialer.HangUpAsync(_agent, call.Id);

        Assert.True(hangUp.Ok, hangUp.Error);
        var (updatePath, update) = _twilio.Posts[1];
        Assert.EndsWith($"/Calls/{call.AgentCallSid}.json", updatePath);
        Assert.Equal(["canceled"], update["Status"]);
    }

    [Fact]
    public async Task WhenTwilioRefusesTheCall_ThenTheCallFailsWithTwiliosReason()
    {
        await _dialer.SaveSettingsAsync(_agent, "+13125550177", machineDetection: true, []);
        _twilio.RefuseWith = 21215;

        var result = await _dialer.CallAsync(_agent, _session, _entry);

        Assert.False(result.Ok);
        Assert.Contains("21215", result.Error);
        await using var db = await _app.DbAsync();
        var call = await db.DialerCalls.SingleAsync();
        Assert.Equal(("failed", null), (call.Status, call.SuggestedOutcome));
        Assert.Contains("21215", call.Error);
    }
}

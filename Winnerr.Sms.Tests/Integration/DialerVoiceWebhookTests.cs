using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Dialer;
using Winnerr.Sms.Core.Dialer.Commands;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The voice webhooks, signed exactly as Twilio signs them, against a call stored by the dialer.</summary>
public sealed class DialerVoiceWebhookTests : IAsyncLifetime
{
    private const string ContactPhone = "+12125550147";
    private readonly SmsAppFactory _app = new();
    private HttpClient _client = null!;
    private long _agentId, _callId;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        _agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var contact = await _app.Services.GetRequiredService<ContactService>().CreateAsync(_agentId, new ContactInput("Maria", "Lopez", ContactPhone));
        var place = new PlaceDialerCall(_agentId, contact.ContactId!.Value, SmsAppFactory.AgentNumber, null, null);
        await _app.Services.GetRequiredService<InboxWriter>().ExecuteAsync(place);
        _callId = place.Created.Id;
        await _app.Services.GetRequiredService<InboxWriter>().ExecuteAsync(new RecordCallStarted(_callId, "CAagent", null));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Form(string sid, string? status, string? answeredBy = null, int? duration = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "ACtest00000000000000000000000000", ["ApiVersion"] = "2010-04-01", ["CallSid"] = sid,
            ["From"] = SmsAppFactory.AgentNumber, ["To"] = ContactPhone, ["Direction"] = "outbound-dial", ["ParentCallSid"] = "CAagent",
        };
        if (status is not null) form["CallStatus"] = status;
        if (answeredBy is not null) form["AnsweredBy"] = answeredBy;
        if (duration is not null) form["CallDuration"] = duration.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    private string StatusPath(string leg = "contact") => $"/webhooks/twilio/voice/status?cid={_callId}&leg={leg}";

    private async Task<HttpResponseMessage> PostStatusAsync(string status, string sid = "CAcontact", string leg = "contact", string? answeredBy = null, int? duration = null) =>
        await _client.SendAsync(_app.SignedPost(StatusPath(leg), Form(sid, status, answeredBy, duration)));

    private async Task<DialerCall> CallAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.DialerCalls.AsNoTracking().Include(c => c.ContactEvent).SingleAsync(c => c.Id == _callId);
    }

    [Fact]
    public async Task WhenASignedStatusArrives_ThenTheCallMovesAndOpenPagesHearOfIt()
    {
        var changed = await _app.WaitForAsync<DialerChanged>(_agentId, e => e.CallId == _callId, async () =>
        {
            var response = await PostStatusAsync("ringing");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        Assert.Equal(_callId, changed.CallId);
        var call = await CallAsync();
        Assert.Equal(("ringing", "CAcontact"), (call.Status, call.ContactCallSid));
    }

    [Fact]
    public async Task WhenUnsigned_ThenForbiddenAndTheCallIsUnchanged()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, StatusPath()) { Content = new FormUrlEncodedContent(Form("CAcontact", "completed")) };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("queued", (await CallAsync()).Status);
    }

    [Theory]
    [InlineData("/webhooks/twilio/voice/status?cid={0}&leg=contact")]
    [InlineData("/webhooks/twilio/voice/connect?cid={0}")]
    [InlineData("/webhooks/twilio/voice/dial-action?cid={0}")]
    public async Task WhenSignedWithAnotherToken_ThenForbiddenAndTheCallIsUnchanged(string path)
    {
        var form = Form("CAcontact", "completed");
        form["DialCallStatus"] = "completed";

        var response = await _client.SendAsync(_app.SignedPost(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _callId), form, token: "forged-token"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("queued", (await CallAsync()).Status);
    }

    [Fact]
    public async Task WhenTheCallIdInTheUrlIsChangedAfterSigning_ThenForbidden()
    {
        var signed = _app.SignedPost(StatusPath(), Form("CAcontact", "completed"));
        var tampered = new HttpRequestMessage(HttpMethod.Post, signed.RequestUri!.ToString().Replace($"cid={_callId}", $"cid={_callId + 1}"))
        {
            Content = new FormUrlEncodedContent(Form("CAcontact", "completed")),
        };
        tampered.Headers.Add("X-Twilio-Signature", signed.Headers.GetValues("X-Twilio-Signature"));

        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(tampered)).StatusCode);
    }

    [Theory]
    [InlineData(null, "ringing", "CallSid is required.")]
    [InlineData("CAcontact", null, "CallStatus is required.")]
    [InlineData("CAcontact", "exploded", "Unknown CallStatus 'exploded'.")]
    public async Task WhenSignedButMalformed_ThenBadRequestWithTheReason(string? sid, string? status, string reason)
    {
        var form = Form(sid ?? "", status);
        if (sid is null) form.Remove("CallSid");

        var response = await _client.SendAsync(_app.SignedPost(StatusPath(), form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal("queued", (await CallAsync()).Status);
    }

    [Fact]
    public async Task WhenTheSameCallbackArrivesTwice_ThenTheSecondIsANoOp()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync("no-answer", duration: 0)).StatusCode);
        var first = await CallAsync();

        Assert.Equal(HttpStatusCode.OK, (await PostStatusAsync("no-answer", duration: 0)).StatusCode);

        var second = await CallAsync();
        Assert.Equal(("no-answer", first.EndedAt, "no-answer"), (second.Status, second.EndedAt, second.SuggestedOutcome));
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.ContactEvents.CountAsync(e => e.Kind == "call"));
    }

    [Fact]
    public async Task WhenCallbacksArriveOutOfOrder_ThenTheCallNeverMovesBackwards()
    {
        await PostStatusAsync("completed", answeredBy: "machine_end_beep", duration: 25);
        await PostStatusAsync("in-progress");
        await PostStatusAsync("ringing");
        await PostStatusAsync("ringing", leg: "agent", sid: "CAagent");

        var call = await CallAsync();
        Assert.Equal(("completed", 25, "left-voicemail"), (call.Status, call.DurationSeconds, call.SuggestedOutcome));
        Assert.StartsWith("Call · Left voicemail (suggested) · 0:25", call.ContactEvent!.Text);
    }

    [Fact]
    public async Task WhenACallbackNamesAnotherLegForThisCall_ThenItIsIgnored()
    {
        await PostStatusAsync("ringing");

        var response = await PostStatusAsync("completed", sid: "CAsomeoneelse");

        Assert.Equal("ignored: unknown call", await response.Content.ReadAsStringAsync());
        Assert.Equal("ringing", (await CallAsync()).Status);
    }

    [Fact]
    public async Task WhenTheAgentLegRingsAndTheAgentNeverAnswers_ThenTheCallShowsRingingThenCanceled()
    {
        await PostStatusAsync("ringing", sid: "CAagent", leg: "agent");
        Assert.Equal("ringing", (await CallAsync()).Status);

        await PostStatusAsync("no-answer", sid: "CAagent", leg: "agent");

        var call = await CallAsync();
        Assert.Equal(("canceled", null), (call.Status, call.SuggestedOutcome));
    }

    [Fact]
    public async Task WhenTheAgentAnswers_ThenTheConnectTwimlDialsTheContactWithActionAndStatusCallbacks()
    {
        var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/voice/connect?cid={_callId}", Form("CAagent", "in-progress")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var dial = xml.Root!.Element("Dial")!;
        Assert.Equal("Response", xml.Root.Name.LocalName);
        Assert.Equal(SmsAppFactory.AgentNumber, dial.Attribute("callerId")?.Value);
        Assert.Equal($"http://localhost/webhooks/twilio/voice/dial-action?cid={_callId}", dial.Attribute("action")?.Value);
        Assert.Equal("true", dial.Attribute("answerOnBridge")?.Value);
        var number = dial.Element("Number")!;
        Assert.Equal(ContactPhone, number.Value);
        Assert.Equal($"http://localhost/webhooks/twilio/voice/status?cid={_callId}&leg=contact", number.Attribute("statusCallback")?.Value);
        Assert.Equal("initiated ringing answered completed", number.Attribute("statusCallbackEvent")?.Value);
        Assert.Equal("POST", number.Attribute("statusCallbackMethod")?.Value);
        Assert.Equal("Enable", number.Attribute("machineDetection")?.Value);
        Assert.Equal($"http://localhost/webhooks/twilio/voice/status?cid={_callId}&leg=contact&amd=1", number.Attribute("amdStatusCallback")?.Value);
    }

    [Fact]
    public async Task WhenAnsweringMachineDetectionIsOff_ThenTheTwimlDoesNotAskForIt()
    {
        await _app.Services.GetRequiredService<DialerService>().SaveSettingsAsync(_agentId, "+13125550100", machineDetection: false, []);

        var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/voice/connect?cid={_callId}", Form("CAagent", "in-progress")));

        var number = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Dial")!.Element("Number")!;
        Assert.Null(number.Attribute("machineDetection"));
        Assert.Null(number.Attribute("amdStatusCallback"));
    }

    [Fact]
    public async Task WhenConnectIsForAnUnknownCall_ThenTheTwimlHangsUp()
    {
        var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/voice/connect?cid={_callId + 100}", Form("CAagent", "in-progress")));

        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(xml.Root!.Element("Hangup"));
        Assert.Null(xml.Root.Element("Dial"));
    }

    [Fact]
    public async Task WhenTheDialActionReportsTheDialledLegsEnd_ThenTheCallEndsAndTheTwimlHangsUp()
    {
        await PostStatusAsync("in-progress");
        var form = Form("CAagent", "in-progress");
        form["DialCallStatus"] = "completed";
        form["DialCallSid"] = "CAcontact";
        form["DialCallDuration"] = "42";

        var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/voice/dial-action?cid={_callId}", form));

        Assert.NotNull(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Hangup"));
        var call = await CallAsync();
        Assert.Equal(("completed", 42, "connected"), (call.Status, call.DurationSeconds, call.SuggestedOutcome));
    }

    [Fact]
    public async Task WhenAnAnsweringMachineResultArrives_ThenItIsKeptWithoutAStatus()
    {
        await PostStatusAsync("in-progress");
        var form = Form("CAcontact", null, answeredBy: "machine_start");

        var response = await _client.SendAsync(_app.SignedPost($"/webhooks/twilio/voice/status?cid={_callId}&leg=contact&amd=1", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await CallAsync();
        Assert.Equal(("in-progress", "machine_start"), (call.Status, call.AnsweredBy));
    }
}

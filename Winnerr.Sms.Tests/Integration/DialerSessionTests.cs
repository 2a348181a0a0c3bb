using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Realtime;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Dialer;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>The session lives on the server: any new page (circuit) of the agent shows it, and no other agent can.</summary>
public sealed class DialerSessionTests : IAsyncLifetime
{
    private const string OtherEmail = "jo@winnerr.test";
    private const string OtherPassword = "jo-password-2026";
    private readonly SmsAppFactory _app = new();
    private DialerService _dialer = null!;
    private long _alex, _jo, _sessionId, _entryId;

    public async Task InitializeAsync()
    {
        _app.Settings["Simulator:Calls:RingMilliseconds"] = "20";
        _app.Settings["Simulator:Calls:AgentAnswerMilliseconds"] = "60000";
        _ = _app.Server;
        _alex = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        _jo = await _app.CreateAgentAsync(OtherEmail, "Jo Park", "+13125550100", OtherPassword);
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var maria = (await contacts.CreateAsync(_alex, new ContactInput("Maria", "Lopez", "+12125550147"))).ContactId!.Value;
        var tom = (await contacts.CreateAsync(_alex, new ContactInput("Tom", "Nguyen", "+16175550162"))).ContactId!.Value;
        _dialer = _app.Services.GetRequiredService<DialerService>();
        var started = await _dialer.StartAsync(_alex, "People selection", [maria, tom]);
        _sessionId = started.Id!.Value;
        _entryId = (await _app.Services.GetRequiredService<DialerQueries>().LatestAsync(_alex))!.CurrentEntryId!.Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WhenTheAgentOpensTheDialerInANewPageOrDevice_ThenTheSameSessionAndCallShow()
    {
        var placed = await _dialer.CallAsync(_alex, _sessionId, _entryId);
        Assert.True(placed.Ok, placed.Error);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            // A separate sign-in each time: a new cookie, a new circuit, nothing shared but the server.
            using var client = await SignIn.SignedInClientAsync(_app);
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("/phone/dialer"));
            Assert.Contains("data-testid=\"dialer-contact\" data-phone=\"+12125550147\"", html);
            Assert.Matches("data-testid=\"dialer-call-state\" data-state=\"(queued|ringing)\"", html);
            Assert.Equal(2, html.Split("data-testid=\"dialer-queue-entry\"").Length - 1);
        }
    }

    [Fact]
    public async Task WhenAnotherAgentOpensTheDialer_ThenTheySeeNoneOfIt()
    {
        using var client = await SignIn.SignedInClientAsync(_app, OtherEmail, OtherPassword);

        var response = await client.GetAsync("/phone/dialer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("dialer-contact", html);
        Assert.DoesNotContain("+12125550147", html);
        Assert.Contains("dialer-start-panel", html);
        Assert.Null(await _app.Services.GetRequiredService<DialerQueries>().LatestAsync(_jo));
    }

    [Fact]
    public async Task WhenAnotherAgentTriesToDriveTheSessionOrItsCall_ThenNothingHappensAndTheyHearNothing()
    {
        var placed = await _dialer.CallAsync(_alex, _sessionId, _entryId);
        var callId = placed.Id!.Value;
        var heardByJo = new List<InboxEvent>();
        using var subscription = _app.Services.GetRequiredService<InboxNotifier>().Subscribe(_jo, e => { lock (heardByJo) heardByJo.Add(e); return Task.CompletedTask; });

        Assert.False((await _dialer.CallAsync(_jo, _sessionId, _entryId)).Ok);
        Assert.False((await _dialer.HangUpAsync(_jo, callId)).Ok);
        Assert.False((await _dialer.SetOutcomeAsync(_jo, callId, CallOutcomes.DoNotCall)).Ok);
        Assert.False((await _dialer.SaveNotesAsync(_jo, callId, "mine now")).Ok);
        Assert.False((await _dialer.SendFollowUpAsync(_jo, callId, "hello from Jo")).Ok);
        Assert.False((await _dialer.NextAsync(_jo, _sessionId)).Ok);
        Assert.False((await _dialer.SetAutoAdvanceAsync(_jo, _sessionId, true)).Ok);
        Assert.False((await _dialer.EndAsync(_jo, _sessionId)).Ok);

        // Alex's own changes reach Alex's pages only.
        await _app.WaitForAsync<DialerChanged>(_alex, e => e.CallId == callId, () => _dialer.SaveNotesAsync(_alex, callId, "Asked about schools"));
        var view = (await _app.Services.GetRequiredService<DialerQueries>().LatestAsync(_alex))!;
        Assert.Equal((_sessionId, true, _entryId, "Asked about schools", null), (view.Id, view.IsActive, view.CurrentEntryId!.Value, view.Call!.Notes, view.Call.Outcome));
        lock (heardByJo) Assert.DoesNotContain(heardByJo, e => e is DialerChanged);
    }

    [Fact]
    public async Task WhenTheContactTextedStopDuringTheCall_ThenTheFollowUpIsRefusedWithWhyAndNothingIsSent()
    {
        var placed = await _dialer.CallAsync(_alex, _sessionId, _entryId);
        await _dialer.HangUpAsync(_alex, placed.Id!.Value);
        using var webhooks = _app.CreateClient();
        (await webhooks.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "STOP")))).EnsureSuccessStatusCode();

        var sent = await _dialer.SendFollowUpAsync(_alex, placed.Id.Value, "Sorry I missed you, Maria.");

        Assert.False(sent.Ok);
        Assert.Contains("blocked until they text START", sent.Error);
        await using var db = await _app.DbAsync();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Messages, m => m.Direction == Winnerr.Sms.Core.Messaging.MessageDirection.Outbound));
        Assert.Null((await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.DialerCalls)).FollowUpMessageId);
    }
}

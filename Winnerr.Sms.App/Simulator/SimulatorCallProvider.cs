using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;

namespace Winnerr.Sms.App.Simulator;

public sealed class SimulatorCallOptions
{
    public const string Section = "Simulator:Calls";

    /// <summary>Calls.create → the agent's phone rings.</summary>
    public int RingMilliseconds { get; set; } = 150;
    /// <summary>The simulated agent picks up their phone (then the connect webhook dials the contact).</summary>
    public int AgentAnswerMilliseconds { get; set; } = 800;
    /// <summary>The dialled leg starts ringing.</summary>
    public int ContactRingMilliseconds { get; set; } = 400;
    /// <summary>A person or a voicemail box answers.</summary>
    public int ContactAnswerMilliseconds { get; set; } = 3000;
    /// <summary>Nobody answers: the dialled leg gives up (Twilio's Dial timeout is 30 s).</summary>
    public int NoAnswerMilliseconds { get; set; } = 8000;
    /// <summary>An answered call the agent never hangs up ends on its own after this long.</summary>
    public int MaxTalkSeconds { get; set; } = 300;
}

/// <summary>
/// Stands in for Twilio Voice: places a click-to-call call through the same signed webhooks Twilio would call
/// (agent leg ringing and answered, the connect webhook's TwiML, the dialled leg's status callbacks, answering-machine
/// detection, the Dial action), with timings from <see cref="SimulatorCallOptions"/>. The contact's number decides
/// what happens (see <see cref="Behaviour"/>); the agent ends a call with Hang up.
/// </summary>
public sealed class SimulatorCallProvider(
    TwilioWebhookClient webhooks,
    IOptions<SimulatorCallOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatorCallProvider> logger) : ICallProvider
{
    public enum Outcome { Human, Machine, Busy, NoAnswer, Failed }

    /// <summary>Magic numbers: any number ending in 555-0101 is busy, 0102 never answers, 0103 fails, 0104 is a voicemail box; others answer in person.</summary>
    public static Outcome Behaviour(string phone) => phone.Length >= 7 ? phone[^7..] switch
    {
        "5550101" => Outcome.Busy,
        "5550102" => Outcome.NoAnswer,
        "5550103" => Outcome.Failed,
        "5550104" => Outcome.Machine,
        _ => Outcome.Human,
    } : Outcome.Human;

    private sealed class Live(string agentSid)
    {
        public string AgentSid { get; } = agentSid;
        public CancellationTokenSource HangUp { get; } = new();
    }

    private readonly ConcurrentDictionary<long, Live> _live = new();

    public Task<CallPlaced> PlaceAsync(CallRequest request, CancellationToken ct = default)
    {
        var live = new Live(NewSid());
        _live[request.CallId] = live;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(request, live);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The simulated call {CallId} broke off", request.CallId);
            }
        }, CancellationToken.None);
        return Task.FromResult(new CallPlaced(live.AgentSid, null));
    }

    public Task<string?> HangUpAsync(DialerCall call, CancellationToken ct = default)
    {
        if (!_live.TryGetValue(call.Id, out var live)) return Task.FromResult<string?>("The simulated call has already ended.");
        live.HangUp.Cancel();
        return Task.FromResult<string?>(null);
    }

    private async Task RunAsync(CallRequest request, Live live)
    {
        var o = options.Value;
        var stopping = lifetime.ApplicationStopping;
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(live.HangUp.Token, stopping);
        var agentStatus = $"/webhooks/twilio/voice/status?cid={request.CallId}&leg=agent";
        var agentPhone = request.AgentPhone ?? "+15005550000";
        Dictionary<string, string> Agent(string status) => Form(live.AgentSid, request.From, agentPhone, status);

        string? contactSid = null, contactStatusPath = null, actionPath = null;
        var answeredAt = (DateTimeOffset?)null;
        try
        {
            await Task.Delay(o.RingMilliseconds, hangUp.Token);
            await PostAsync(agentStatus, Agent("ringing"), stopping);
            await Task.Delay(o.AgentAnswerMilliseconds, hangUp.Token);
            await PostAsync(agentStatus, Agent("in-progress"), stopping);

            var twiml = await ConnectAsync(request.CallId, Agent("in-progress"), stopping);
            var number = twiml?.Descendants("Number").FirstOrDefault();
            if (number is null) return;
            var dial = number.Parent!;
            contactSid = NewSid();
            contactStatusPath = PathOf(number.Attribute("statusCallback")?.Value);
            actionPath = PathOf(dial.Attribute("action")?.Value);
            var amdPath = PathOf(number.Attribute("amdStatusCallback")?.Value);
            var to = number.Value.Trim();
            var from = dial.Attribute("callerId")?.Value ?? request.From;
            Dictionary<string, string> Contact(string status) => new(Form(contactSid, from, to, status)) { ["ParentCallSid"] = live.AgentSid };

            await PostAsync(contactStatusPath, Contact("initiated"), stopping);
            await Task.Delay(o.ContactRingMilliseconds, hangUp.Token);
            await PostAsync(contactStatusPath, Contact("ringing"), stopping);

            var behaviour = Behaviour(to);
            switch (behaviour)
            {
                case Outcome.Busy:
                    await Task.Delay(o.ContactRingMilliseconds, hangUp.Token);
                    await EndContactAsync("busy", 0);
                    return;
                case Outcome.Failed:
                    await EndContactAsync("failed", 0);
                    return;
                case Outcome.NoAnswer:
                    await Task.Delay(o.NoAnswerMilliseconds, hangUp.Token);
                    await EndContactAsync("no-answer", 0);
                    return;
            }
            await Task.Delay(o.ContactAnswerMilliseconds, hangUp.Token);
            answeredAt = DateTimeOffset.UtcNow;
            await PostAsync(contactStatusPath, Contact("in-progress"), stopping);
            if (amdPath is not null)
                await PostAsync(amdPath, new Dictionary<string, string>
                {
                    ["AccountSid"] = webhooks.AccountSid, ["CallSid"] = contactSid,
                    ["AnsweredBy"] = behaviour == Outcome.Machine ? "machine_end_beep" : "human", ["MachineDetectionDuration"] = "2100",
                }, stopping);
            await Task.Delay(TimeSpan.FromSeconds(o.MaxTalkSeconds), hangUp.Token);
            await EndContactAsync("completed", Seconds(answeredAt));
        }
        catch (OperationCanceledException) when (live.HangUp.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            // The agent hung up: an answered call completes, a ringing one is canceled, and before the contact was dialled only the agent leg ends.
            if (contactStatusPath is not null) await EndContactAsync(answeredAt is null ? "canceled" : "completed", Seconds(answeredAt));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "A simulated voice webhook for call {CallId} could not be posted", request.CallId);
        }
        finally
        {
            _live.TryRemove(request.CallId, out _);
            if (!stopping.IsCancellationRequested)
                await TryPostAsync(agentStatus, new Dictionary<string, string>(Agent("completed")) { ["CallDuration"] = "0" }, stopping);
        }

        async Task EndContactAsync(string status, int duration)
        {
            var form = new Dictionary<string, string>(Form(contactSid!, request.From, request.To, status)) { ["ParentCallSid"] = live.AgentSid, ["CallDuration"] = Invariant(duration) };
            await PostAsync(contactStatusPath!, form, stopping);
            if (actionPath is not null)
                await PostAsync(actionPath, new Dictionary<string, string>(Agent("in-progress"))
                {
                    ["DialCallStatus"] = status, ["DialCallSid"] = contactSid!, ["DialCallDuration"] = Invariant(duration),
                }, stopping);
        }
    }

    private async Task<XDocument?> ConnectAsync(long callId, Dictionary<string, string> form, CancellationToken ct)
    {
        using var response = await webhooks.PostAsync($"/webhooks/twilio/voice/connect?cid={callId}", form, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("The simulated connect webhook for call {CallId} answered {Code}", callId, (int)response.StatusCode);
            return null;
        }
        return XDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    private async Task PostAsync(string? pathAndQuery, Dictionary<string, string> form, CancellationToken ct)
    {
        if (pathAndQuery is null) return;
        using var response = await webhooks.PostAsync(pathAndQuery, form, ct);
        if (!response.IsSuccessStatusCode)
            logger.LogWarning("Simulated voice webhook {Path} answered {Code}", pathAndQuery, (int)response.StatusCode);
    }

    private async Task TryPostAsync(string pathAndQuery, Dictionary<string, string> form, CancellationToken ct)
    {
        try
        {
            await PostAsync(pathAndQuery, form, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            logger.LogDebug(ex, "The simulated agent leg's last callback was not posted");
        }
    }

    private Dictionary<string, string> Form(string sid, string from, string to, string status) => new()
    {
        ["AccountSid"] = webhooks.AccountSid, ["ApiVersion"] = "2010-04-01", ["CallSid"] = sid, ["CallStatus"] = status,
        ["Direction"] = "outbound-api", ["From"] = from, ["To"] = to,
    };

    // TwiML URLs are absolute (the public base, or the app's own); the webhook client signs and posts a path on that base.
    private static string? PathOf(string? url) => url is null ? null : new Uri(url).PathAndQuery;

    private static int Seconds(DateTimeOffset? since) => since is { } at ? (int)(DateTimeOffset.UtcNow - at).TotalSeconds : 0;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string NewSid() => "CA" + Guid.NewGuid().ToString("N");
}

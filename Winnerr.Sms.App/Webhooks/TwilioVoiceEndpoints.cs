namespace Winnerr.Sms.App.Webhooks;

/// <summary>
/// The dialer's Twilio voice webhooks, signature-checked exactly like the SMS ones (403 unsigned or forged, 400
/// malformed). Status callbacks are idempotent on CallSid and never move a call backwards (ApplyCallStatusHandler).
/// </summary>
public static class TwilioVoiceEndpoints
{
    public static IEndpointRouteBuilder MapTwilioVoiceWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/twilio/voice")
            .AllowAnonymous()
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery();
        group.MapPost("/connect", ConnectAsync);
        group.MapPost("/status", StatusAsync);
        group.MapPost("/dial-action", DialActionAsync);
        return app;
    }

    /// <summary>The agent answered their phone: dial the contact.</summary>
    private static async Task<IResult> ConnectAsync(HttpRequest request, IDbContextFactory<SmsDbContext> dbFactory, IOptions<TwilioOptions> twilio, long? cid)
    {
        var form = await request.ReadFormAsync();
        var sid = form["CallSid"].ToString();
        if (string.IsNullOrWhiteSpace(sid)) return BadRequest("CallSid is required.");
        if (cid is null) return BadRequest("cid is required.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var call = await db.DialerCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid);
        if (call is null || (call.AgentCallSid is { } known && known != sid))
            return Twiml(VoiceTwiml.Hangup("This call is no longer available."));
        if (CallStatuses.IsFinal(call.Status)) return Twiml(VoiceTwiml.Hangup());
        var amd = await db.DialerSettings.Where(s => s.AgentId == call.AgentId).Select(s => (bool?)s.MachineDetection).FirstOrDefaultAsync() ?? true;
        return Twiml(VoiceTwiml.Connect(call, amd, new RequestCallbackUrls(PublicBase(request, twilio.Value))));
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, InboxWriter writer, long? cid, string? leg, int? amd)
    {
        var form = await request.ReadFormAsync();
        var sid = form["CallSid"].ToString();
        var status = form["CallStatus"].ToString();
        var answeredBy = form["AnsweredBy"].ToString();
        if (string.IsNullOrWhiteSpace(sid)) return BadRequest("CallSid is required.");
        // An answering-machine result (amd=1) carries AnsweredBy and no CallStatus.
        if (amd == 1 ? string.IsNullOrWhiteSpace(answeredBy) : string.IsNullOrWhiteSpace(status))
            return BadRequest(amd == 1 ? "AnsweredBy is required." : "CallStatus is required.");
        if (!string.IsNullOrEmpty(status) && CallStatuses.Normalize(status) is null) return BadRequest($"Unknown CallStatus '{status}'.");
        var callLeg = leg == "agent" ? CallLeg.Agent : CallLeg.Contact;
        int? duration = int.TryParse(form["CallDuration"], out var d) ? d : null;

        var result = await writer.ExecuteAsync(new ApplyCallStatus(cid, callLeg, sid, NullIfEmpty(status), NullIfEmpty(answeredBy), duration));
        return Results.Text(result.Outcome == WriteOutcome.NotFound ? "ignored: unknown call" : "ok");
    }

    /// <summary>The dialled leg ended (Dial's action URL): its final status, then hang up the agent's leg too.</summary>
    private static async Task<IResult> DialActionAsync(HttpRequest request, InboxWriter writer, long? cid)
    {
        var form = await request.ReadFormAsync();
        var status = form["DialCallStatus"].ToString();
        if (string.IsNullOrWhiteSpace(form["CallSid"])) return BadRequest("CallSid is required.");
        if (string.IsNullOrWhiteSpace(status)) return BadRequest("DialCallStatus is required.");
        if (CallStatuses.Normalize(status) is null) return BadRequest($"Unknown DialCallStatus '{status}'.");
        int? duration = int.TryParse(form["DialCallDuration"], out var d) ? d : null;
        // Without a dialled leg (it never started) there is no DialCallSid: the call id in the signed URL is enough.
        var dialSid = form["DialCallSid"].ToString();
        await writer.ExecuteAsync(new ApplyCallStatus(cid, CallLeg.Contact, dialSid, status, null, duration));
        return Twiml(VoiceTwiml.Hangup());
    }

    private static string PublicBase(HttpRequest request, TwilioOptions twilio) =>
        string.IsNullOrWhiteSpace(twilio.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : twilio.PublicBaseUrl.TrimEnd('/');

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IResult Twiml(string xml) => Results.Text(xml, "text/xml");

    private static IResult BadRequest(string reason) => Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);
}

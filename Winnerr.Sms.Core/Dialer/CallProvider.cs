namespace Winnerr.Sms.Core.Dialer;

/// <param name="AgentPhone">The agent's own phone, rung first (click-to-call); the simulator does not need it.</param>
public sealed record CallRequest(long CallId, string From, string To, string? AgentPhone);

/// <summary>The provider's answer: the agent leg's SID, or why the call could not be placed.</summary>
public sealed record CallPlaced(string? AgentCallSid, string? Error)
{
    public static CallPlaced Refused(string error) => new(null, error);
}

/// <summary>
/// Places click-to-call calls: ring the agent, then (from the connect webhook's TwiML) dial the contact. Twilio, or
/// the simulator standing in for it; both report through the same signed voice webhooks.
/// </summary>
public interface ICallProvider
{
    Task<CallPlaced> PlaceAsync(CallRequest request, CancellationToken ct = default);

    /// <summary>Ends the call (both legs). Null when done, else why not.</summary>
    Task<string?> HangUpAsync(DialerCall call, CancellationToken ct = default);
}

/// <summary>Where Twilio posts the voice webhooks of one call (the id lets a callback find its call before any SID is saved).</summary>
public interface IVoiceCallbackUrls
{
    /// <summary>Null when the app has no public URL (Twilio:PublicBaseUrl).</summary>
    string? BaseUrl { get; }

    string Connect(long callId) => $"{BaseUrl}/webhooks/twilio/voice/connect?cid={callId}";
    string Status(long callId, CallLeg leg) => $"{BaseUrl}/webhooks/twilio/voice/status?cid={callId}&leg={(leg == CallLeg.Agent ? "agent" : "contact")}";
    string DialAction(long callId) => $"{BaseUrl}/webhooks/twilio/voice/dial-action?cid={callId}";
    string Amd(long callId) => $"{BaseUrl}/webhooks/twilio/voice/status?cid={callId}&leg=contact&amd=1";
}

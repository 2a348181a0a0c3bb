namespace Winnerr.Sms.Core.Compliance;

public enum GateVerdict { Send, Hold, Refuse }

/// <summary>What the gate asks: one text, for one contact, at one moment.</summary>
/// <param name="MarketingSentLast24h">Marketing texts handed to the provider for this contact in the last 24 hours (the frequency cap).</param>
public sealed record GateRequest(
    TextPurpose Purpose,
    string ContactName,
    string Phone,
    string? ContactTimeZone,
    ContactConsentState Consent,
    DateTimeOffset Now,
    int MarketingSentLast24h = 0);

/// <summary>
/// The gate's answer. <see cref="Code"/> is a stable word for screens and reports (opted-out,
/// no-consent, revocation-pending, reply-window, quiet-hours, confirmation-window, frequency-cap).
/// </summary>
public sealed record GateDecision(GateVerdict Verdict, string? Code = null, string? Reason = null, DateTimeOffset? HoldUntil = null)
{
    public static readonly GateDecision Send = new(GateVerdict.Send);
    public static GateDecision Refuse(string code, string reason) => new(GateVerdict.Refuse, code, reason);
    public static GateDecision Hold(DateTimeOffset until, string code, string reason) => new(GateVerdict.Hold, code, reason, until);
}

public static class GateCodes
{
    public const string OptedOut = "opted-out";
    public const string KeywordOptOut = "keyword-opt-out";
    public const string NoConsent = "no-consent";
    public const string RevocationPending = "revocation-pending";
    public const string ReplyWindow = "reply-window";
    public const string QuietHours = "quiet-hours";
    public const string ConfirmationWindow = "confirmation-window";
    public const string FrequencyCap = "frequency-cap";
}

namespace Winnerr.Sms.Core.Campaigns;

public static class PlanVerdicts
{
    public const string Send = "send";
    public const string Hold = "hold";
    public const string Skip = "skip";
}

/// <summary>Why the plan skips or holds a recipient: stable words for screens, tests and reports.</summary>
public static class PlanReasons
{
    public const string OptedOut = "opted-out";
    public const string NoConsent = "no-consent";
    public const string RevocationPending = "revocation-pending";
    public const string MissingToken = "missing-token";
    public const string InvalidNumber = "invalid-number";
    public const string QuietHours = "quiet-hours";
    public const string FrequencyCap = "frequency-cap";

    public static readonly IReadOnlyList<string> All = [OptedOut, NoConsent, RevocationPending, MissingToken, InvalidNumber, QuietHours, FrequencyCap];

    /// <summary>The gate's code as the plan names it: every kind of opt-out is "opted-out".</summary>
    public static string FromGate(string code) => code switch
    {
        GateCodes.KeywordOptOut or GateCodes.ReplyWindow or GateCodes.ConfirmationWindow => OptedOut,
        _ => code,
    };

    public static string Describe(string reason) => reason switch
    {
        OptedOut => "Opted out",
        NoConsent => "No marketing consent",
        RevocationPending => "Possible opt-out to review",
        MissingToken => "Missing a value for the text",
        InvalidNumber => "Invalid number",
        QuietHours => "Quiet hours",
        FrequencyCap => "Texted in the last 24 hours",
        _ => reason,
    };
}

/// <summary>What the plan knows about one recipient.</summary>
public sealed record PlanContact(
    long Id, string Phone, string FirstName, string LastName, string? PropertyAddress, DateTimeOffset? ShowingAt, string? TimeZone,
    ContactConsentState Consent, int MarketingSentLast24h, bool HadMarketing)
{
    public string Name => Contact.NameOf(FirstName, LastName, Phone);
}

/// <summary>
/// One recipient's verdict. <paramref name="Text"/> is what they would get (null when skipped before rendering);
/// <paramref name="NoticeAdded"/> says the first-marketing identification and opt-out words were appended.
/// </summary>
public sealed record PlanRow(
    long ContactId, string Name, string Phone, string Verdict, string? Reason, string? Detail, string? Text,
    int Segments, string? Encoding, bool NoticeAdded, DateTimeOffset? SendAt, string? LocalSendTime);

public sealed record PlanTotals(
    int Recipients, int ToSend, int Held, int Skipped, IReadOnlyDictionary<string, int> SkippedByReason, int Segments, decimal EstimatedCost);

/// <summary>The plan, or why there is none (<paramref name="Error"/>: the text cannot be read, the start time is past).</summary>
public sealed record CampaignPlan(IReadOnlyList<PlanRow> Rows, PlanTotals Totals, string? Error = null)
{
    /// <summary>Only the first rows of a big selection, shown while the rest are decided; its totals are theirs alone.</summary>
    public bool Partial { get; init; }

    public static CampaignPlan Failed(string error) =>
        new([], new PlanTotals(0, 0, 0, 0, new Dictionary<string, int>(), 0, 0m), error);

    public bool Ok => Error is null;
}

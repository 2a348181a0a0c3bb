namespace Winnerr.Sms.Core.Dialer;

/// <summary>
/// Twilio's CallStatus values and the one-way order a call moves through. Status callbacks are neither ordered
/// nor guaranteed (COMPLIANCE.md), so a call's state is kept as a maximum: a late "ringing" after "completed"
/// changes nothing, and a final state never changes.
/// </summary>
public static class CallStatuses
{
    public const string Queued = "queued";
    public const string Initiated = "initiated";
    public const string Ringing = "ringing";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Busy = "busy";
    public const string NoAnswer = "no-answer";
    public const string Failed = "failed";
    public const string Canceled = "canceled";

    public static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal) { Completed, Busy, NoAnswer, Failed, Canceled };

    public static bool IsFinal(string? status) => status is not null && Final.Contains(status);

    /// <summary>Twilio sends "initiated" for the first event; the dialer shows it as queued.</summary>
    public static string? Normalize(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        Initiated => Queued,
        "answered" => InProgress,
        "no_answer" => NoAnswer,
        "cancelled" => Canceled,
        var s => s is Queued or Ringing or InProgress || Final.Contains(s) ? s : null,
    };

    public static int Rank(string? status) => status switch
    {
        null => -1,
        Queued => 0,
        Ringing => 1,
        InProgress => 2,
        _ when IsFinal(status) => 3,
        _ => -1,
    };

    /// <summary>The state after <paramref name="incoming"/> arrives, or null when it changes nothing (duplicate, late, unknown).</summary>
    public static string? Advance(string? current, string? incoming)
    {
        var next = Normalize(incoming);
        if (next is null || IsFinal(current)) return null;
        return Rank(next) > Rank(current) ? next : null;
    }

    /// <summary>"m:ss".</summary>
    public static string Duration(int seconds) => $"{seconds / 60}:{seconds % 60:00}";
}

namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// Double opt-in: a YES (or START) answering a pending consent request is marketing consent, with the
/// reply as its proof. A YES with no pending request is an ordinary message (Twilio's START still opts in).
/// </summary>
public static class ConsentReply
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "YES", "Y", "START", "YES!", "YES." };

    public static bool AnswersRequest(string? body, DateTimeOffset? requestedAt, DateTimeOffset now, TimeSpan window) =>
        requestedAt is { } at && now - at <= window && now >= at && Words.Contains(body?.Trim() ?? "");
}

namespace Winnerr.Sms.Core.Compliance;

public enum KeywordKind { None, OptOut, OptIn, Help }

/// <summary>
/// Twilio's default Advanced Opt-Out keywords. Twilio matches the whole message body, trimmed and
/// case-insensitive; "please stop texting me" is an ordinary message, not an opt-out.
/// </summary>
public static class OptOutKeywords
{
    public static readonly IReadOnlySet<string> OptOut =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT" };

    /// <summary>The opt-out keywords as stored (upper case), for queries that test a stored keyword.</summary>
    public static readonly string[] StoredOptOut = OptOut.Select(k => k.ToUpperInvariant()).ToArray();

    public static readonly IReadOnlySet<string> OptIn =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    public static readonly IReadOnlySet<string> Help =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static (KeywordKind Kind, string? Keyword) Match(string? body)
    {
        var word = body?.Trim();
        if (string.IsNullOrEmpty(word)) return (KeywordKind.None, null);
        var keyword = word.ToUpperInvariant();
        if (OptOut.Contains(word)) return (KeywordKind.OptOut, keyword);
        if (OptIn.Contains(word)) return (KeywordKind.OptIn, keyword);
        if (Help.Contains(word)) return (KeywordKind.Help, keyword);
        return (KeywordKind.None, null);
    }
}

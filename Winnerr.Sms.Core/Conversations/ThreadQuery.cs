namespace Winnerr.Sms.Core.Conversations;

public enum InboxFilter { All, Unread, NeedsReply, Failed, OptedOut }

/// <summary>
/// What the thread list shows: one filter, and a search over the contact's name, number (typed in any
/// format) and the words of the last message. The database applies it (<see cref="InboxQueries"/>);
/// <see cref="Matches"/> applies the same rules to a row pushed live, so a filtered list stays filtered.
/// </summary>
public sealed record ThreadQuery(InboxFilter Filter = InboxFilter.All, string? Search = null)
{
    public static readonly ThreadQuery All = new();

    public string? Search { get; init; } = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    public bool IsAll => Filter == InboxFilter.All && Search is null;

    /// <summary>Digits to look for in numbers when the search is a number ("(212) 555-01", "+1 212"), else null.</summary>
    public string? PhoneDigits =>
        Search is { } s && s.All(ch => char.IsDigit(ch) || PhonePunctuation.Contains(ch)) && s.Count(char.IsDigit) >= 3
            ? new string(s.Where(char.IsDigit).ToArray())
            : null;

    /// <summary>A word search: every word must be in the name or the last message, in any order.</summary>
    public IReadOnlyList<string> Words => PhoneDigits is null && Search is { } s
        ? s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        : [];

    private const string PhonePunctuation = "+-(). ";

    public bool Matches(ThreadSummary t)
    {
        var kept = Filter switch
        {
            InboxFilter.Unread => t.UnreadCount > 0,
            InboxFilter.NeedsReply => t.NeedsReply,
            InboxFilter.Failed => t.LastFailed,
            InboxFilter.OptedOut => t.IsOptedOut,
            _ => true,
        };
        if (!kept || Search is null) return kept;
        if (PhoneDigits is { } digits)
            return t.ContactPhone.Contains(digits, StringComparison.Ordinal) || t.LastMessagePreview.Contains(Search, StringComparison.OrdinalIgnoreCase);
        // An unnamed contact's name is their number: only numbers search numbers, as in the database.
        var name = t.ContactName == t.ContactPhone ? "" : t.ContactName;
        return Words.All(w => name.Contains(w, StringComparison.OrdinalIgnoreCase) || t.LastMessagePreview.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}

namespace Winnerr.Sms.Core.History;

/// <summary>
/// One agent's messages across all conversations, newest first, filtered and searched in the database.
/// One implementation per database provider (SQLite: FTS5; PostgreSQL: tsvector + GIN, a later issue).
/// Every method sees only <c>agentId</c>'s messages.
/// </summary>
public interface IMessageSearch
{
    /// <summary>The page after <paramref name="after"/> (the first page when null), in (time, id) order, newest first.</summary>
    Task<HistoryPage> PageAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, HistoryCursor? after, int take, CancellationToken ct = default);

    /// <summary>How many messages the filter keeps, counted up to <paramref name="cap"/> (more shows as "cap+").</summary>
    Task<HistoryCount> CountAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, int cap, CancellationToken ct = default);

    /// <summary>Every message the filter keeps, newest first, read page by page (for the CSV export).</summary>
    IAsyncEnumerable<HistoryRow> AllAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, CancellationToken ct = default);
}

public sealed record HistoryRow(
    long Id, long ConversationId, long ContactId, string ContactName, string ContactPhone,
    MessageDirection Direction, string Status, string Body, DateTimeOffset CreatedAt, TextPurpose Purpose,
    long? CampaignId = null)
{
    public HistoryCursor Cursor => new(CreatedAt, Id);
}

/// <summary>Where a page ended: the next page starts after this (time, id).</summary>
public sealed record HistoryCursor(DateTimeOffset At, long Id);

public sealed record HistoryPage(IReadOnlyList<HistoryRow> Rows, HistoryCursor? Next);

public sealed record HistoryCount(int Count, bool IsCapped)
{
    public string Text(string noun = "") => (IsCapped ? $"{Count:N0}+" : $"{Count:N0}") + noun;
}

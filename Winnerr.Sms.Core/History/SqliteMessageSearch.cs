using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Winnerr.Sms.Core.History;

/// <summary>
/// History on SQLite. Without a search it is one range of the (AgentId, CreatedAt, Id) index. With one, FTS5
/// (<see cref="MessageSearchSchema"/>) counts the agent's matches first: when they are few, they are read by id and
/// sorted; when they are many, the agent's time index is read newest first in growing blocks and each block's ids
/// are matched against the index by rowid range, until a page is full. Both are exact for any order of ids.
/// </summary>
/// <param name="fewMatches">At most this many matches are read by id (tests lower it, and <paramref name="firstBlock"/>, to reach the window path).</param>
public sealed class SqliteMessageSearch(IDbContextFactory<SmsDbContext> dbFactory, int fewMatches = SqliteMessageSearch.FewMatches,
    int firstBlock = SqliteMessageSearch.FirstBlock) : IMessageSearch
{
    /// <summary>Up to this many matches are read in full and sorted by time; more and the time index leads.</summary>
    public const int FewMatches = 2000;
    public const int FirstBlock = 1024;
    private const int MaxBlock = 32_768, MaxCompletions = 64;
    private const int ExportPage = 1000;

    private const string Columns =
        "m.Id, m.ConversationId, m.ContactId, c.FirstName, c.LastName, c.Phone, m.Direction, m.Status, m.Body, m.CreatedAt, m.Purpose, m.CampaignId";

    public async Task<HistoryPage> PageAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, HistoryCursor? after, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        var plan = await PlanAsync(connection, agentId, filter, fewMatches, ct);
        if (plan.Kind == PlanKind.Window) plan = plan with { Kind = PlanKind.Ids, Ids = await WindowAsync(connection, agentId, filter, zone, plan, after, take + 1, firstBlock, ct) };
        if (plan.Kind == PlanKind.Nothing || plan is { Kind: PlanKind.Ids, Ids.Count: 0 }) return new HistoryPage([], null);
        await using var command = connection.CreateCommand();
        var where = Where(command, agentId, filter, zone, plan, after);
        command.CommandText = $"""
            SELECT {Columns} FROM Messages m CROSS JOIN Contacts c
            WHERE {where} AND c.Id = m.ContactId
            ORDER BY m.CreatedAt DESC, m.Id DESC LIMIT {take + 1}
            """;
        var rows = new List<HistoryRow>(take + 1);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        var next = rows.Count > take ? rows[take - 1].Cursor : null;
        if (rows.Count > take) rows.RemoveAt(take);
        return new HistoryPage(rows, next);
    }

    public async Task<HistoryCount> CountAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, int cap, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        var plan = await PlanAsync(connection, agentId, filter, fewMatches, ct);
        if (plan.Kind == PlanKind.Nothing) return new HistoryCount(0, false);
        await using var command = connection.CreateCommand();
        if (plan.Kind == PlanKind.Window && filter with { Search = null } == HistoryFilter.All)
        {
            // Only the search: the index alone can count it.
            Add(command, "$q", plan.Query!);
            command.CommandText = $"SELECT count(*) FROM (SELECT rowid FROM {MessageSearchSchema.Table} WHERE {MessageSearchSchema.Table} MATCH $q LIMIT {cap + 1})";
        }
        else if (plan.Kind == PlanKind.Window)
            return Capped((await WindowAsync(connection, agentId, filter, zone, plan, null, cap + 1, firstBlock, ct)).Count, cap);
        else
        {
            var where = Where(command, agentId, filter, zone, plan, after: null);
            command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM Messages m WHERE {where} LIMIT {cap + 1})";
        }
        return Capped(Convert.ToInt32(await command.ExecuteScalarAsync(ct)), cap);
    }

    private static HistoryCount Capped(int count, int cap) => count > cap ? new HistoryCount(cap, true) : new HistoryCount(count, false);

    /// <summary>Up to <paramref name="limit"/> ids of matching messages after <paramref name="after"/>, newest first.</summary>
    private static async Task<IReadOnlyList<long>> WindowAsync(DbConnection connection, long agentId, HistoryFilter filter, TimeZoneInfo zone, Plan plan,
        HistoryCursor? after, int limit, int firstBlock, CancellationToken ct)
    {
        var found = new List<long>();
        var size = firstBlock;
        while (found.Count < limit)
        {
            var block = new List<(long Id, long At)>(size);
            await using (var command = connection.CreateCommand())
            {
                var where = Where(command, agentId, filter with { Search = null }, zone, new Plan(PlanKind.All), after);
                command.CommandText = $"SELECT m.Id, m.CreatedAt FROM Messages m WHERE {where} ORDER BY m.CreatedAt DESC, m.Id DESC LIMIT {size}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) block.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
            if (block.Count == 0) break;
            var matches = new HashSet<long>();
            await using (var command = connection.CreateCommand())
            {
                Add(command, "$q", plan.AnyAgentQuery!);
                Add(command, "$lo", block.Min(b => b.Id));
                Add(command, "$hi", block.Max(b => b.Id));
                command.CommandText = $"SELECT rowid FROM {MessageSearchSchema.Table} WHERE {MessageSearchSchema.Table} MATCH $q AND rowid BETWEEN $lo AND $hi";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) matches.Add(reader.GetInt64(0));
            }
            foreach (var (id, _) in block)
                if (matches.Contains(id) && found.Count < limit) found.Add(id);
            if (block.Count < size) break;
            after = new HistoryCursor(new DateTimeOffset(block[^1].At, TimeSpan.Zero), block[^1].Id);
            size = Math.Min(size * 2, MaxBlock);
        }
        return found;
    }

    public async IAsyncEnumerable<HistoryRow> AllAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken ct = default)
    {
        HistoryCursor? after = null;
        do
        {
            var page = await PageAsync(agentId, filter, zone, after, ExportPage, ct);
            foreach (var row in page.Rows) yield return row;
            after = page.Next;
        }
        while (after is not null);
    }

    private enum PlanKind { All, Nothing, Ids, Window }

    /// <param name="Query">The search within the agent's messages.</param>
    /// <param name="AnyAgentQuery">The same without the agent: the window already is the agent's.</param>
    private sealed record Plan(PlanKind Kind, string? Query = null, IReadOnlyList<long>? Ids = null, string? AnyAgentQuery = null);

    private static async Task<DbConnection> OpenAsync(SmsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection();
    }

    /// <summary>How to apply the search: not at all, by the few matching ids, or by checking each message in time order.</summary>
    private static async Task<Plan> PlanAsync(DbConnection connection, long agentId, HistoryFilter filter, int fewMatches, CancellationToken ct)
    {
        var text = filter.Text;
        if (!text.IsSearch) return new Plan(PlanKind.All);
        if (text.Terms.Count == 0) return new Plan(PlanKind.Nothing);
        var completions = await CompleteAsync(connection, text, ct);
        var query = Fts5Query.For(text, agentId, completions)!;
        await using var command = connection.CreateCommand();
        Add(command, "$q", query);
        command.CommandText = $"SELECT rowid FROM {MessageSearchSchema.Table} WHERE {MessageSearchSchema.Table} MATCH $q LIMIT {fewMatches + 1}";
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        if (ids.Count == 0) return new Plan(PlanKind.Nothing);
        return ids.Count <= fewMatches
            ? new Plan(PlanKind.Ids, query, ids)
            : new Plan(PlanKind.Window, query, AnyAgentQuery: Fts5Query.For(text, null, completions));
    }

    /// <summary>The indexed words each long prefix stands for (from the index's own vocabulary), when there are not too many.</summary>
    private static async Task<Dictionary<SearchTerm, IReadOnlyList<string>>> CompleteAsync(DbConnection connection, SearchText text, CancellationToken ct)
    {
        var completions = new Dictionary<SearchTerm, IReadOnlyList<string>>();
        foreach (var term in text.Terms.Where(Fts5Query.WorthCompleting))
        {
            var prefix = SearchText.Fold(term.Tokens[^1]);
            await using var command = connection.CreateCommand();
            Add(command, "$from", prefix);
            Add(command, "$to", prefix[..^1] + (char)(prefix[^1] + 1));
            command.CommandText = $"SELECT term FROM {MessageSearchSchema.Vocabulary} WHERE term >= $from AND term < $to LIMIT {MaxCompletions + 1}";
            var words = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) words.Add(reader.GetString(0));
            if (words.Count is > 0 and <= MaxCompletions) completions[term] = words;
            else if (words.Count == 0) completions[term] = [prefix]; // nothing starts so: an exact word that matches nothing
        }
        return completions;
    }

    private static string Where(DbCommand command, long agentId, HistoryFilter filter, TimeZoneInfo zone, Plan plan, HistoryCursor? after)
    {
        var sql = new StringBuilder();
        Add(command, "$agent", agentId);
        // The unary + keeps SQLite off the agent's time index where another one finds fewer rows.
        if (plan.Kind == PlanKind.Ids)
        {
            Add(command, "$ids", JsonSerializer.Serialize(plan.Ids));
            sql.Append("+m.AgentId = $agent AND m.Id IN (SELECT value FROM json_each($ids))");
        }
        else if (filter.ContactId is not null)
            sql.Append("+m.AgentId = $agent");
        else
            sql.Append("m.AgentId = $agent");

        if (filter.ContactId is { } contact)
        {
            Add(command, "$contact", contact);
            sql.Append(" AND m.ContactId = $contact");
        }
        var (since, before) = filter.Bounds(zone);
        if (since is { } s)
        {
            Add(command, "$since", s.UtcTicks);
            sql.Append(" AND m.CreatedAt >= $since");
        }
        if (before is { } b)
        {
            Add(command, "$before", b.UtcTicks);
            sql.Append(" AND m.CreatedAt < $before");
        }
        if (filter.Direction is { } direction)
        {
            Add(command, "$direction", direction.ToString());
            sql.Append(" AND m.Direction = $direction");
        }
        if (filter.Status is { } status)
        {
            var words = HistoryFilter.StatusWords(status);
            for (var i = 0; i < words.Count; i++) Add(command, $"$status{i}", words[i]);
            sql.Append(" AND m.Status IN (").AppendJoin(", ", words.Select((_, i) => $"$status{i}")).Append(')');
        }
        if (filter.Campaign is { } campaign)
        {
            sql.Append(campaign ? " AND m.CampaignId IS NOT NULL" : " AND m.CampaignId IS NULL");
        }
        if (after is not null)
        {
            Add(command, "$afterAt", after.At.UtcTicks);
            Add(command, "$afterId", after.Id);
            sql.Append(" AND (m.CreatedAt, m.Id) < ($afterAt, $afterId)");
        }
        return sql.ToString();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name)) return;
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static HistoryRow Read(DbDataReader r)
    {
        var first = r.GetString(3);
        var last = r.GetString(4);
        var phone = r.GetString(5);
        return new HistoryRow(
            r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), Contact.NameOf(first, last, phone), phone,
            Enum.Parse<MessageDirection>(r.GetString(6)), r.GetString(7), r.GetString(8),
            new DateTimeOffset(r.GetInt64(9), TimeSpan.Zero), Enum.Parse<TextPurpose>(r.GetString(10)), r.IsDBNull(11) ? null : r.GetInt64(11));
    }
}

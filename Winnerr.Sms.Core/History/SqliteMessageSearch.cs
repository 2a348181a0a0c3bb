using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Winnerr.Sms.Core.History;

/// <summary>
/// History on SQLite. Without a search it is one range of the (AgentId, CreatedAt, Id) index. With one, FTS5
/// (<see cref="MessageSearchSchema"/>) finds the agent's matches first: when they are few, they are read by id
/// and sorted; when they are many, the agent's index is walked newest first and each message is checked against
/// the index, which stops after a page because matches are everywhere.
/// </summary>
public sealed class SqliteMessageSearch(IDbContextFactory<SmsDbContext> dbFactory) : IMessageSearch
{
    /// <summary>Up to this many matches are read in full and sorted by time; more and the time index leads.</summary>
    public const int FewMatches = 2000;
    private const int ExportPage = 1000;

    private const string Columns =
        "m.Id, m.ConversationId, m.ContactId, c.FirstName, c.LastName, c.Phone, m.Direction, m.Status, m.Body, m.CreatedAt, m.Purpose";

    public async Task<HistoryPage> PageAsync(long agentId, HistoryFilter filter, TimeZoneInfo zone, HistoryCursor? after, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        var plan = await PlanAsync(connection, agentId, filter, ct);
        if (plan.Kind == PlanKind.Nothing) return new HistoryPage([], null);
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
        var plan = await PlanAsync(connection, agentId, filter, ct);
        if (plan.Kind == PlanKind.Nothing) return new HistoryCount(0, false);
        await using var command = connection.CreateCommand();
        if (plan.Kind == PlanKind.Probe && filter with { Search = null } == HistoryFilter.All)
        {
            // Only the search: the index alone can count it.
            Add(command, "$q", plan.Query!);
            command.CommandText = $"SELECT count(*) FROM (SELECT rowid FROM {MessageSearchSchema.Table} WHERE {MessageSearchSchema.Table} MATCH $q LIMIT {cap + 1})";
        }
        else
        {
            var where = Where(command, agentId, filter, zone, plan, after: null);
            command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM Messages m WHERE {where} LIMIT {cap + 1})";
        }
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
        return count > cap ? new HistoryCount(cap, true) : new HistoryCount(count, false);
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

    private enum PlanKind { All, Nothing, Ids, Probe }

    private sealed record Plan(PlanKind Kind, string? Query = null, IReadOnlyList<long>? Ids = null);

    private static async Task<DbConnection> OpenAsync(SmsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection();
    }

    /// <summary>How to apply the search: not at all, by the few matching ids, or by checking each message in time order.</summary>
    private static async Task<Plan> PlanAsync(DbConnection connection, long agentId, HistoryFilter filter, CancellationToken ct)
    {
        var text = filter.Text;
        if (!text.IsSearch) return new Plan(PlanKind.All);
        if (Fts5Query.For(text, agentId) is not { } query) return new Plan(PlanKind.Nothing);
        await using var command = connection.CreateCommand();
        Add(command, "$q", query);
        command.CommandText = $"SELECT rowid FROM {MessageSearchSchema.Table} WHERE {MessageSearchSchema.Table} MATCH $q LIMIT {FewMatches + 1}";
        var ids = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        if (ids.Count == 0) return new Plan(PlanKind.Nothing);
        return ids.Count <= FewMatches ? new Plan(PlanKind.Ids, query, ids) : new Plan(PlanKind.Probe, query);
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
            // TODO(campaigns): match the campaign reference once messages carry one; marketing texts are campaign texts today.
            Add(command, "$marketing", nameof(TextPurpose.Marketing));
            sql.Append(campaign ? " AND m.Purpose = $marketing" : " AND m.Purpose <> $marketing");
        }
        if (after is not null)
        {
            Add(command, "$afterAt", after.At.UtcTicks);
            Add(command, "$afterId", after.Id);
            sql.Append(" AND (m.CreatedAt, m.Id) < ($afterAt, $afterId)");
        }
        if (plan.Kind == PlanKind.Probe)
        {
            Add(command, "$q", plan.Query!);
            sql.Append($" AND EXISTS (SELECT 1 FROM {MessageSearchSchema.Table} f WHERE f.{MessageSearchSchema.Table} MATCH $q AND f.rowid = m.Id)");
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
            new DateTimeOffset(r.GetInt64(9), TimeSpan.Zero), Enum.Parse<TextPurpose>(r.GetString(10)));
    }
}

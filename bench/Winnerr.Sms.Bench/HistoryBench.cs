using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.History;
using Winnerr.Sms.Core.Messaging;

using static Winnerr.Sms.Bench.SqlSeed;

namespace Winnerr.Sms.Bench;

/// <summary>
/// History at scale (issue 12): 1,000,000 messages over 20,000 conversations for agent 1 and 1,000,000 more for ten
/// other agents, written on the schema before History; then the History migration timed (backfill, index, FTS build),
/// the size it adds, and the search's first page (50 rows) timed in-process through <see cref="IMessageSearch"/>.
/// </summary>
public static class HistoryBench
{
    private const int Conversations = 40_000, PerConversation = 50, MineConversations = 20_000;
    public const string Rare = "zebrawood";

    public static async Task<int> RunAsync(string dbPath, int samples)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").AddInterceptors(new SqlitePragmas()).Options;
        if (!File.Exists(dbPath)) await SeedAndMigrateAsync(dbPath, options);
        else Console.WriteLine($"searching the database already at {dbPath}");
        await SearchAsync(options, samples);
        return 0;
    }

    private static async Task SeedAndMigrateAsync(string dbPath, DbContextOptions<SmsDbContext> options)
    {
        await using (var db = new SmsDbContext(options))
        {
            var all = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(all[all.FindIndex(m => m.EndsWith("_MessageHistorySearch", StringComparison.Ordinal)) - 1]);
        }
        var clock = Stopwatch.StartNew();
        Seed(dbPath);
        Console.WriteLine($"seeded {Conversations * PerConversation:N0} messages ({MineConversations * PerConversation:N0} of agent 1) in {clock.Elapsed.TotalSeconds:F0} s");
        var before = SizeMb(dbPath);

        clock.Restart();
        await using (var db = new SmsDbContext(options)) await db.Database.MigrateAsync();
        Console.WriteLine($"History migration on 2,000,000 messages (backfill AgentId, index (AgentId, CreatedAt, Id), FTS5 build): {clock.Elapsed.TotalSeconds:F1} s; {Stats.Load()}");
        var after = SizeMb(dbPath);
        Console.WriteLine($"database {before:N0} MB before, {after:N0} MB after (+{after - before:N0} MB; FTS5 tables {FtsMb(dbPath):N0} MB)");

    }

    private static async Task SearchAsync(DbContextOptions<SmsDbContext> options, int samples)
    {
        var to = DateTimeOffset.UtcNow;
        var search = new SqliteMessageSearch(new Factory(options));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var week = DateOnly.FromDateTime(to.AddDays(-200).UtcDateTime);
        (string Label, HistoryFilter Filter)[] queries =
        [
            ("unfiltered first page", HistoryFilter.All),
            ($"rare word \"{Rare}\"", new HistoryFilter { Search = Rare }),
            ("common word \"showing\"", new HistoryFilter { Search = "showing" }),
            ("prefix \"insp\"", new HistoryFilter { Search = "insp" }),
            ("phrase \"\\\"open house\\\"\"", new HistoryFilter { Search = "\"open house\"" }),
            ("word + 7 days \"offer\"", new HistoryFilter { Search = "offer", From = week, To = week.AddDays(6) }),
            ("name + word \"lopez inspection\"", new HistoryFilter { Search = "lopez inspection" }),
            ("number \"(646) 555-0042\"", new HistoryFilter { Search = "(646) 555-0042" }),
            ("failed only", new HistoryFilter { Status = HistoryStatus.Failed }),
            ("as typed: \"i\"", new HistoryFilter { Search = "i" }),
            ("as typed: \"in\"", new HistoryFilter { Search = "in" }),
        ];
        foreach (var (label, filter) in queries)
        {
            for (var i = 0; i < 3; i++) await search.PageAsync(1, filter, zone, null, 50);
            var ms = new List<double>();
            var rows = 0;
            for (var i = 0; i < samples; i++)
            {
                var started = Stopwatch.GetTimestamp();
                rows = (await search.PageAsync(1, filter, zone, null, 50)).Rows.Count;
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var countStarted = Stopwatch.GetTimestamp();
            var count = await search.CountAsync(1, filter, zone, 10_000);
            var countMs = Stopwatch.GetElapsedTime(countStarted).TotalMilliseconds;
            Console.WriteLine($"history {label}: first page ({rows} rows) {Stats.Describe(ms)}; total {count.Text()} in {countMs:F1} ms; {Stats.Load()}");
        }
    }

    private sealed class Factory(DbContextOptions<SmsDbContext> options) : IDbContextFactory<SmsDbContext>
    {
        public SmsDbContext CreateDbContext() => new(options);
    }

    private static double SizeMb(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();";
        using var reader = command.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0) / 1024.0 / 1024.0;
    }

    private static double FtsMb(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sum(pgsize) FROM dbstat WHERE name LIKE '{MessageSearchSchema.Table}%'";
        try { return Convert.ToInt64(command.ExecuteScalar()) / 1024.0 / 1024.0; }
        catch (SqliteException) { return double.NaN; } // dbstat not compiled in
    }

    private static readonly string[] Openers = ["Hi", "Hey", "Good morning", "Thanks", "Quick question", "Hello", "Just checking in", "Great news"];
    private static readonly string[] Sentences =
    [
        "the showing at {street} is confirmed for {day} at {time}",
        "can we move the showing to {day}?",
        "the inspection is scheduled for {day} at {time}",
        "the inspector found a small leak under the sink",
        "the seller accepted the offer",
        "we should submit an offer before {day}",
        "there is an open house at {street} on {day}",
        "the appraisal came in at the asking price",
        "please sign the disclosure forms tonight",
        "the lender needs two more bank statements",
        "closing is set for {day} at the title office",
        "do they allow pets in the building?",
        "the HOA fees are 320 a month",
        "I sent you three new listings near {street}",
        "what did you think of the kitchen?",
        "the backyard is bigger than it looks in the photos",
        "can you send me the school ratings?",
        "the roof was replaced in 2019",
        "I will be there in 10 minutes",
        "let me know when you are free to talk",
        "the counteroffer expires {day} at {time}",
        "parking is included with the unit",
        "the basement had some water last spring",
        "I love the natural light in the living room",
    ];
    private static readonly string[] Streets = ["Oak St", "Maple Ave", "Elm Ct", "Cedar Ln", "Pine Rd", "Birch Way", "Lake Dr", "Hill St"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Times = ["9:00", "10:30", "noon", "2:00", "3:30", "5:00", "6:15"];
    private static readonly string[] First = ["Maria", "James", "Priya", "Tom", "Danielle", "Kevin", "Aisha", "Luis", "Grace", "Omar", "José", "Zoë"];
    private static readonly string[] Last = ["Lopez", "Carter", "Shah", "Nguyen", "Brooks", "O'Neil", "Khan", "Garcia", "Kim", "Haddad", "Müller", "Peña"];

    /// <summary>Raw prepared inserts on the schema before History, oldest first (ids follow time, as in a live database).</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Seed(string dbPath)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        var random = new Random(12);
        var end = DateTimeOffset.UtcNow;
        var start = end.AddYears(-3);
        var step = (end - start) / (Conversations * PerConversation);

        Exec(connection, tx, "INSERT INTO Agents (Name) VALUES ('Alex Morgan')");
        Exec(connection, tx, "INSERT INTO AgentNumbers (AgentId, PhoneNumber) VALUES (1, '+15005550006')");
        for (var a = 2; a <= 11; a++)
        {
            Exec(connection, tx, $"INSERT INTO Agents (Name) VALUES ('Agent {a}')");
            Exec(connection, tx, $"INSERT INTO AgentNumbers (AgentId, PhoneNumber) VALUES ({a}, '+1500556{a:D4}')");
        }
        using var contact = Prepare(connection, tx, "INSERT INTO Contacts (AgentId, FirstName, LastName, Phone, CreatedAt, IsOptedOut, Consent, ConsentSource, ConsentAt) VALUES ($a, $f, $l, $p, $t, 0, 'TransactionalOnly', 'import', $t)", "$a", "$f", "$l", "$p", "$t");
        using var conversation = Prepare(connection, tx, "INSERT INTO Conversations (AgentId, AgentNumber, ContactId, LastMessageAt, LastMessagePreview, UnreadCount, NeedsReply, LastMessageDirection, LastMessageStatus)"
            + " VALUES ($a, $n, $c, $t, '', 0, 0, 'Outbound', 'delivered')", "$a", "$n", "$c", "$t");
        using var message = Prepare(connection, tx, "INSERT INTO Messages (ConversationId, ContactId, Direction, Body, Status, Sid, CreatedAt, UpdatedAt, Purpose, FlaggedRevocation)"
            + " VALUES ($v, $c, $d, $b, $s, $sid, $t, $t, $u, 0)", "$v", "$c", "$d", "$b", "$s", "$sid", "$t", "$u");

        for (var i = 1; i <= Conversations; i++)
        {
            var agent = i <= MineConversations ? 1 : 2 + (i - MineConversations - 1) % 10;
            var number = agent == 1 ? "+15005550006" : $"+1500556{agent:D4}";
            Run(contact, agent, First[i % First.Length], $"{Last[i / First.Length % Last.Length]}", $"+1646{5550000 + i:D7}", start.UtcTicks);
            Run(conversation, agent, number, i, end.UtcTicks);
        }
        var rare = 0;
        for (var j = 0; j < PerConversation; j++)
        {
            for (var i = 1; i <= Conversations; i++)
            {
                var n = j * Conversations + i;
                var inbound = (i + j) % 2 == 0;
                var body = Body(random);
                if (i <= MineConversations && random.Next(40_000) == 0 && rare++ < 25) body += $" The {Rare} trim is original.";
                var status = inbound ? "received" : random.Next(50) == 0 ? "failed" : "delivered";
                Run(message, i, i, inbound ? "Inbound" : "Outbound", body, status, $"SMh{n:D12}", (start + step * n).UtcTicks,
                    !inbound && random.Next(20) == 0 ? "Marketing" : "Transactional");
            }
        }
        tx.Commit();
        return (start, end);
    }

    private static string Body(Random random)
    {
        var sentence = Sentences[(int)(Sentences.Length * Math.Pow(random.NextDouble(), 1.6))]
            .Replace("{street}", $"{random.Next(100, 999)} {Streets[random.Next(Streets.Length)]}")
            .Replace("{day}", Days[random.Next(Days.Length)])
            .Replace("{time}", Times[random.Next(Times.Length)]);
        var text = $"{Openers[random.Next(Openers.Length)]}, {sentence}.";
        return random.Next(3) == 0 ? text + " " + char.ToUpperInvariant(Sentences[random.Next(Sentences.Length)][0]) + Sentences[random.Next(Sentences.Length)][1..]
            .Replace("{street}", Streets[random.Next(Streets.Length)]).Replace("{day}", Days[random.Next(Days.Length)]).Replace("{time}", Times[random.Next(Times.Length)]) + "." : text;
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Data;

using static Winnerr.Sms.Bench.SqlSeed;

namespace Winnerr.Sms.Bench;

/// <summary>
/// The send pipeline from outside: texts are queued straight into the database file while the app is
/// stopped (the rows QueueOutbound writes: a queued outbound message and a pending outbox row, due now,
/// from the agent's number), then the app is started and the bench reads the database to see what
/// reached the simulated provider (SimulatedProviderMessages) and which outcomes were recorded (Messages.Sid).
/// </summary>
public static class OutboxBench
{
    public const string Sender = "+15005550006";

    /// <summary>COUNT texts to COUNT distinct contacts, one conversation each, all from <see cref="Sender"/>.</summary>
    public static async Task<int> SeedAsync(string dbPath, int count)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        await using (var db = new SmsDbContext(options)) await db.Database.MigrateAsync();

        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=false");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        // The app's demo start-up adopts this agent (it owns the demo number) and gives it the sign-in.
        Exec(connection, tx, "INSERT INTO Agents (Id, Name) VALUES (1, 'Alex Morgan')");
        Exec(connection, tx, $"INSERT INTO AgentNumbers (AgentId, PhoneNumber) VALUES (1, '{Sender}')");
        var contact = Prepare(connection, tx, "INSERT INTO Contacts (Id, AgentId, FirstName, LastName, Phone, CreatedAt, IsOptedOut, Consent) VALUES ($i, 1, 'Bulk', $l, $p, $t, 0, 'TransactionalOnly')", "$i", "$l", "$p", "$t");
        var conversation = Prepare(connection, tx, $"INSERT INTO Conversations (Id, AgentId, AgentNumber, ContactId, LastMessageAt, LastMessagePreview, UnreadCount) VALUES ($i, 1, '{Sender}', $i, $t, $b, 0)", "$i", "$t", "$b");
        var message = Prepare(connection, tx, "INSERT INTO Messages (Id, ConversationId, ContactId, Direction, Body, Status, Purpose, FlaggedRevocation, CreatedAt, UpdatedAt) VALUES ($i, $i, $i, 'Outbound', $b, 'queued', 'Transactional', 0, $t, $t)", "$i", "$b", "$t");
        var outbox = Prepare(connection, tx, $"INSERT INTO Outbox (MessageId, SenderNumber, Priority, DueAt, State, Attempts, Reconcile, CreatedAt) VALUES ($i, '{Sender}', 1, $t, 'pending', 0, 0, $t)", "$i", "$t");
        for (var i = 1; i <= count; i++)
        {
            var body = $"Hi, open house Saturday 1-3 PM at 418 Maple Ave. See you there? (bench text {i})";
            Run(contact, i, $"Contact-{i}", Phone(i), now);
            Run(conversation, i, now, body);
            Run(message, i, body, now);
            Run(outbox, i, now);
        }
        await tx.CommitAsync();
        Console.WriteLine($"queued {count:N0} texts from {Sender} to {count:N0} contacts (message + pending outbox row each) in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static string Phone(int i) => $"+1646{5550000 + i:D7}";

    /// <summary>
    /// Waits (at most TIMEOUT s) until all COUNT texts reached the simulator and have their SID recorded,
    /// then prints durable texts/s and the duplicate checks. LAUNCHED is the app's launch time (unix ms).
    /// </summary>
    public static async Task<int> DrainAsync(string dbPath, int count, long launchedUnixMs, int timeoutSeconds)
    {
        await using var connection = await OpenAsync(dbPath);
        var launched = DateTimeOffset.FromUnixTimeMilliseconds(launchedUnixMs);
        var deadline = Stopwatch.StartNew();
        long accepted = 0, recorded = 0, left = -1;
        DateTimeOffset? done = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(timeoutSeconds))
        {
            (accepted, recorded, left) = (Scalar(connection, "SELECT COUNT(*) FROM SimulatedProviderMessages"),
                Scalar(connection, "SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND Sid IS NOT NULL"),
                Scalar(connection, "SELECT COUNT(*) FROM Outbox"));
            if (accepted >= count && recorded >= count && left == 0)
            {
                done = DateTimeOffset.UtcNow;
                break;
            }
            await Task.Delay(100);
        }
        if (done is null)
        {
            Console.WriteLine($"NOT DONE after {timeoutSeconds} s: {accepted:N0} accepted by the simulator, {recorded:N0} SIDs recorded, {left:N0} outbox rows left");
            return 1;
        }

        var firstAccept = Ticks(Scalar(connection, "SELECT MIN(CreatedAt) FROM SimulatedProviderMessages"));
        var lastAccept = Ticks(Scalar(connection, "SELECT MAX(CreatedAt) FROM SimulatedProviderMessages"));
        var lastRecorded = Ticks(Scalar(connection, "SELECT MAX(UpdatedAt) FROM Messages WHERE Direction = 'Outbound' AND Sid IS NOT NULL"));
        var duplicates = Scalar(connection, "SELECT COUNT(*) - COUNT(DISTINCT \"To\" || '|' || Body) FROM SimulatedProviderMessages");
        var orphans = Scalar(connection, "SELECT COUNT(*) FROM SimulatedProviderMessages s WHERE NOT EXISTS (SELECT 1 FROM Messages m WHERE m.Sid = s.Sid)");
        var unmatched = Scalar(connection, "SELECT COUNT(*) FROM Messages m WHERE m.Direction = 'Outbound' AND m.Sid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM SimulatedProviderMessages s WHERE s.Sid = m.Sid)");
        var failed = Scalar(connection, "SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND Status = 'failed'");
        var noSid = Scalar(connection, "SELECT COUNT(*) FROM Messages WHERE Direction = 'Outbound' AND Sid IS NULL");

        var fromLaunch = (done.Value - launched).TotalSeconds;
        var dispatch = (lastRecorded - firstAccept).TotalSeconds;
        Console.WriteLine($"{count:N0} texts durable (accepted by the simulator and SID recorded on the message): "
            + $"{count / dispatch:F0} texts/s from first accept to last outcome committed ({dispatch:F2} s); "
            + $"{count / fromLaunch:F0} texts/s from app launch incl. start-up ({fromLaunch:F2} s; first accept {(firstAccept - launched).TotalSeconds:F2} s after launch, last accept at +{(lastAccept - launched).TotalSeconds:F2} s)");
        Console.WriteLine($"provider messages: {accepted:N0} (expected {count:N0}); duplicates (same To+Body twice): {duplicates}; "
            + $"provider messages no message points to: {orphans}; recorded SIDs unknown to the provider: {unmatched}; failed: {failed}; without SID: {noSid}; outbox rows left: {left}");
        return accepted == count && duplicates == 0 && orphans == 0 && unmatched == 0 ? 0 : 1;
    }

    /// <summary>
    /// Waits until the simulator has accepted texts spanning SECONDS (at most TIMEOUT s), then reads, for the first
    /// SECONDS of sends, when each provider call started (Messages.SentAt) and when the simulator received it
    /// (its CreatedAt): achieved rate and the fullest 1 s window of each. With <paramref name="fromCampaignId"/>, only
    /// the sends from that campaign's confirm on (an earlier warm-up campaign is left out).
    /// </summary>
    public static async Task<int> PaceAsync(string dbPath, double rate, int seconds, int timeoutSeconds, long? fromCampaignId = null)
    {
        await using var connection = await OpenAsync(dbPath);
        var since = fromCampaignId is { } id ? Scalar(connection, $"SELECT CreatedAt FROM Campaigns WHERE Id = {id}") : 0;
        var span = TimeSpan.FromSeconds(seconds);
        var deadline = Stopwatch.StartNew();
        var covered = false;
        while (deadline.Elapsed < TimeSpan.FromSeconds(timeoutSeconds))
        {
            var spanned = Scalar(connection, $"SELECT COALESCE(MAX(CreatedAt) - MIN(CreatedAt), 0) FROM SimulatedProviderMessages WHERE \"From\" = '{Sender}' AND CreatedAt >= {since}");
            if (spanned >= span.Ticks) { covered = true; break; }
            await Task.Delay(250);
        }
        // Stamps are taken before the inserts commit, and SentAt lands with the provider's answer: let the last few land.
        await Task.Delay(2000);

        var arrivals = await TicksAsync(connection, $"SELECT CreatedAt FROM SimulatedProviderMessages WHERE \"From\" = '{Sender}' AND CreatedAt >= {since} ORDER BY CreatedAt");
        var starts = await TicksAsync(connection,
            $"SELECT m.SentAt FROM Messages m JOIN Conversations c ON c.Id = m.ConversationId WHERE c.AgentNumber = '{Sender}' AND m.SentAt >= {since} ORDER BY m.SentAt");
        if (arrivals.Count < 2 || starts.Count < 2)
        {
            Console.WriteLine($"only {arrivals.Count} sends seen at the provider and {starts.Count} recorded in {timeoutSeconds} s");
            return 1;
        }
        var limit = (int)Math.Floor(rate);
        var startsOk = Report("provider calls started (the message's SentAt: the pace the dispatcher keeps)", starts, span, rate, limit, covered, seconds);
        var arrivalsOk = Report("texts received by the simulator (its arrival stamps: what the provider sees)", arrivals, span, rate, limit, covered, seconds);
        return startsOk && arrivalsOk ? 0 : 1;
    }

    private static async Task<List<long>> TicksAsync(SqliteConnection connection, string sql)
    {
        var ticks = new List<long>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ticks.Add(reader.GetInt64(0));
        return ticks;
    }

    /// <summary>Achieved rate over the first SECONDS of <paramref name="ticks"/> and the fullest [t, t+1 s) window; true when no window holds more than the limit.</summary>
    private static bool Report(string what, List<long> ticks, TimeSpan span, double rate, int limit, bool covered, int seconds)
    {
        var end = ticks[0] + span.Ticks;
        var sends = ticks.Where(t => t < end).ToList();
        var elapsed = TimeSpan.FromTicks(sends[^1] - sends[0]).TotalSeconds;
        var achieved = (sends.Count - 1) / elapsed;
        int maxWindow = 0, worst = 0, over = 0;
        for (int i = 0, j = 0; i < sends.Count; i++)
        {
            while (j < sends.Count && sends[j] < sends[i] + TimeSpan.TicksPerSecond) j++;
            if (j - i > limit) over++;
            if (j - i > maxWindow) (maxWindow, worst) = (j - i, i);
        }
        var gaps = sends.Zip(sends.Skip(1), (a, b) => TimeSpan.FromTicks(b - a).TotalMilliseconds).ToList();
        Console.WriteLine($"{what}:");
        Console.WriteLine($"  {(covered ? "" : "(span not reached before the timeout) ")}in the first {seconds} s from {Sender}: {sends.Count:N0} "
            + $"(first to last {elapsed:F2} s); achieved {achieved:F2}/s = (count-1)/(last-first), {sends.Count / (double)seconds:F2}/s = count/{seconds} s; "
            + $"deviation from {rate:0.##}/s: {(achieved - rate) / rate * 100:+0.00;-0.00}%");
        Console.WriteLine($"  max in any [t, t+1 s) window starting at a send: {maxWindow} (limit {limit}); "
            + $"gap min {gaps.Min():F1} ms, median {Median(gaps):F1} ms, max {gaps.Max():F1} ms; {ticks.Count:N0} seen in all");
        if (over > 0)
        {
            var w = sends.Skip(worst).Take(maxWindow).ToList();
            Console.WriteLine($"  {over} window(s) over {limit}; the fullest starts {TimeSpan.FromTicks(w[0] - sends[0]).TotalSeconds:F2} s in, its {maxWindow} span "
                + $"{TimeSpan.FromTicks(w[^1] - w[0]).TotalMilliseconds:F0} ms, gaps (ms): {string.Join(" ", w.Zip(w.Skip(1), (a, b) => ((b - a) / 10_000.0).ToString("F0")))}");
        }
        return maxWindow <= limit;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static async Task<SqliteConnection> OpenAsync(string dbPath)
    {
        // Reads only; each query is its own short read transaction, so the app's WAL writes go on.
        var connection = new SqliteConnection($"Data Source={dbPath};Pooling=false");
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    internal static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long v ? v : 0;
    }

    private static DateTimeOffset Ticks(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Data;

using static Winnerr.Sms.Bench.SqlSeed;

namespace Winnerr.Sms.Bench;

/// <summary>Fills a migrated database with an inbox of the given size, through plain prepared inserts (seconds, not minutes).</summary>
public static class Seeder
{
    /// <summary>
    /// Every row is valid for the current model: contacts have a consent (the migration's default '' would not read as
    /// <c>ConsentStatus</c>), messages a purpose, threads their last message's direction and status. With
    /// <paramref name="bigThread"/> &gt; 0 the newest thread (id 1) holds that many messages instead of its share.
    /// </summary>
    public static async Task<int> RunAsync(string dbPath, int conversations, int messages, int bigThread = 0)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").Options;
        await using (var db = new SmsDbContext(options)) await db.Database.MigrateAsync();

        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={dbPath}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;

        // The agent owns the demo number; the app's demo seed gives this agent its sign-in at start-up.
        Exec(connection, tx, "INSERT INTO Agents (Name) VALUES ('Alex Morgan')");
        Exec(connection, tx, "INSERT INTO AgentNumbers (AgentId, PhoneNumber) VALUES (1, '+15005550006')");
        var contact = Prepare(connection, tx, "INSERT INTO Contacts (AgentId, FirstName, LastName, Phone, CreatedAt, IsOptedOut, Consent, ConsentSource, ConsentAt) VALUES (1, $f, $l, $p, $t, 0, 'TransactionalOnly', 'import', $t)", "$f", "$l", "$p", "$t");
        var conversation = Prepare(connection, tx, "INSERT INTO Conversations (AgentId, AgentNumber, ContactId, LastMessageAt, LastMessagePreview, UnreadCount, NeedsReply, LastMessageDirection, LastMessageStatus)"
            + " VALUES (1, '+15005550006', $c, $t, $p, $u, $n, $d, $s)", "$c", "$t", "$p", "$u", "$n", "$d", "$s");
        var message = Prepare(connection, tx, "INSERT INTO Messages (ConversationId, ContactId, Direction, Body, Status, Sid, CreatedAt, UpdatedAt, Purpose, FlaggedRevocation)"
            + " VALUES ($v, $c, $d, $b, $s, $sid, $t, $t, 'Transactional', 0)", "$v", "$c", "$d", "$b", "$s", "$sid", "$t");

        string[] first = ["Maria", "James", "Priya", "Tom", "Danielle", "Kevin", "Aisha", "Luis", "Grace", "Omar"];
        string[] last = ["Lopez", "Carter", "Shah", "Nguyen", "Brooks", "O'Neil", "Khan", "Garcia", "Kim", "Haddad"];
        var share = messages / conversations;
        var messageId = 0;
        for (var i = 1; i <= conversations; i++)
        {
            var lastAt = now.AddMinutes(-i * 7);
            var perConversation = i == 1 && bigThread > 0 ? bigThread : share;
            var lastInbound = perConversation % 2 == 1;
            Run(contact, first[i % 10], $"{last[i / 10 % 10]}-{i}", $"+1646{5550000 + i:D7}", now.AddDays(-400).UtcTicks);
            Run(conversation, i, lastAt.UtcTicks, $"Message {perConversation} in thread {i}", i % 9 == 0 ? 2 : 0,
                lastInbound ? 1 : 0, lastInbound ? "Inbound" : "Outbound", lastInbound ? "received" : "delivered");
            for (var m = 1; m <= perConversation; m++)
            {
                var inbound = m % 2 == 1;
                var at = lastAt.AddMinutes(-(perConversation - m) * 30);
                Run(message, i, i, inbound ? "Inbound" : "Outbound", $"Message {m} in thread {i}", inbound ? "received" : "delivered", $"SMseed{++messageId:D12}", at.UtcTicks);
            }
        }
        await tx.CommitAsync();
        Console.WriteLine($"seeded {conversations:N0} conversations and {messageId:N0} messages in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}

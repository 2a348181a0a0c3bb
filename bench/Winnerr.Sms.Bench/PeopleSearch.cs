using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Data;

namespace Winnerr.Sms.Bench;

/// <summary>People search over 50,000 contacts: the service call the page makes, timed in-process (Release).</summary>
public static class PeopleSearch
{
    public static async Task<int> RunAsync(string dbPath, int count)
    {
        var options = new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={dbPath}").AddInterceptors(new SqlitePragmas()).Options;
        await using (var db = new SmsDbContext(options)) await db.Database.MigrateAsync();
        Seed(dbPath, count);

        // Core as the app wires it; searching reads only, so no writer or dispatcher is started.
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sms"] = $"Data Source={dbPath}" }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging();
        Winnerr.Sms.Core.SmsCoreServiceCollectionExtensions.AddSmsCore(services, config);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Winnerr.Sms.Core.Conversations.IInboxEventPublisher, NoEvents>(services);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var contacts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ContactService>(provider);
        (string Label, PeopleFilter Filter, PeopleSort Sort)[] queries =
        [
            ("first page, no filter", new PeopleFilter(), PeopleSort.Name),
            ("name search \"lopez\"", new PeopleFilter("lopez"), PeopleSort.Name),
            ("phone digits \"5550417\"", new PeopleFilter("5550417"), PeopleSort.Name),
            ("email search \"@example.org\"", new PeopleFilter("@example.org"), PeopleSort.Name),
            ("tag filter \"buyer\"", new PeopleFilter(null, null, "buyer"), PeopleSort.Name),
            ("consent filter + search", new PeopleFilter("kim", ConsentStatus.MarketingOptIn), PeopleSort.Phone),
            ("tag word \"investor\"", new PeopleFilter("investor"), PeopleSort.Name),
            ("no match", new PeopleFilter("zzzz-nobody"), PeopleSort.Name),
        ];
        foreach (var (label, filter, sort) in queries)
        {
            for (var i = 0; i < 3; i++) await contacts.SearchAsync(1, filter, 0, 25, sort); // warm-up
            var ms = new List<double>();
            int total = 0;
            for (var i = 0; i < 30; i++)
            {
                var started = Stopwatch.GetTimestamp();
                (_, total) = await contacts.SearchAsync(1, filter, 0, 25, sort);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine($"people search, {label} ({total:N0} matches): {Stats.Describe(ms)}");
        }
        return 0;
    }

    private static void Seed(string dbPath, int count)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        Run(connection, tx, "INSERT INTO Agents (Name) VALUES ('Alex Morgan')");
        using var contact = connection.CreateCommand();
        contact.Transaction = tx;
        contact.CommandText = "INSERT INTO Contacts (AgentId, FirstName, LastName, Phone, Email, CreatedAt, IsOptedOut, Consent) VALUES (1, $f, $l, $p, $e, 0, 0, $c); SELECT last_insert_rowid();";
        foreach (var name in new[] { "$f", "$l", "$p", "$e", "$c" }) contact.Parameters.Add(new SqliteParameter { ParameterName = name });
        using var tag = connection.CreateCommand();
        tag.Transaction = tx;
        tag.CommandText = "INSERT INTO ContactTags (ContactId, Tag) VALUES ($id, $t)";
        tag.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        tag.Parameters.Add(new SqliteParameter { ParameterName = "$t" });
        string[] first = ["Maria", "James", "Priya", "Tom", "Danielle", "Kevin", "Aisha", "Luis", "Grace", "Omar"];
        string[] last = ["Lopez", "Carter", "Shah", "Nguyen", "Brooks", "O'Neil", "Khan", "Garcia", "Kim", "Haddad"];
        string[] tags = ["buyer", "seller", "investor", "renter", "past client"];
        string[] consent = ["MarketingOptIn", "TransactionalOnly", "TransactionalOnly", "OptedOut"];
        for (var i = 0; i < count; i++)
        {
            contact.Parameters[0].Value = first[i % 10];
            contact.Parameters[1].Value = $"{last[i / 10 % 10]}-{i}";
            contact.Parameters[2].Value = $"+1646{5550000 + i:D7}";
            contact.Parameters[3].Value = i % 3 == 0 ? $"person{i}@example.org" : $"person{i}@example.com";
            contact.Parameters[4].Value = consent[i % 4];
            var id = (long)contact.ExecuteScalar()!;
            tag.Parameters[0].Value = id;
            tag.Parameters[1].Value = tags[i % 5];
            tag.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void Run(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Factory(DbContextOptions<SmsDbContext> options) : IDbContextFactory<SmsDbContext>
    {
        public SmsDbContext CreateDbContext() => new(options);
    }
}

internal sealed class NoEvents : Winnerr.Sms.Core.Conversations.IInboxEventPublisher
{
    public void Publish(Winnerr.Sms.Core.Conversations.InboxEvent inboxEvent) { }
}

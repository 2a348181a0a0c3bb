using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Winnerr.Sms.Core;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Data;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>The Core write path on a real, migrated SQLite file, without the web host.</summary>
public sealed class TestInbox : IAsyncDisposable
{
    public const string AgentNumber = "+15005550006";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"winnerr-core-{Guid.NewGuid():N}.db");

    public IDbContextFactory<SmsDbContext> Db { get; }
    public InboxWriter Writer { get; }
    /// <summary>Core wired as the app wires it (AddSmsCore), on this file, with events recorded.</summary>
    public ServiceProvider Services { get; }
    public RecordingPublisher Events { get; } = new();
    public Agent Agent { get; private set; } = null!;

    private TestInbox()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sms"] = $"Data Source={_path}",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSmsCore(config);
        services.AddSingleton<IInboxEventPublisher>(Events);
        Services = services.BuildServiceProvider();
        Db = Services.GetRequiredService<IDbContextFactory<SmsDbContext>>();
        Writer = Services.GetRequiredService<InboxWriter>();
    }

    public static async Task<TestInbox> CreateAsync()
    {
        var inbox = new TestInbox();
        await using (var db = await inbox.Db.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            inbox.Agent = new Agent { Name = "Alex Morgan", Numbers = [new AgentNumber { PhoneNumber = AgentNumber }] };
            db.Agents.Add(inbox.Agent);
            await db.SaveChangesAsync();
        }
        await inbox.Writer.StartAsync(CancellationToken.None);
        return inbox;
    }

    public Task<WriteResult> ReceiveAsync(string from, string body, string? sid = null) =>
        Writer.ExecuteAsync(new ReceiveSms(sid ?? "SM" + Guid.NewGuid().ToString("N"), from, AgentNumber, body));

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }

    public sealed class RecordingPublisher : IInboxEventPublisher
    {
        private readonly List<InboxEvent> _events = [];
        public void Publish(InboxEvent inboxEvent) { lock (_events) _events.Add(inboxEvent); }
        public IReadOnlyList<InboxEvent> All { get { lock (_events) return _events.ToList(); } }
    }
}

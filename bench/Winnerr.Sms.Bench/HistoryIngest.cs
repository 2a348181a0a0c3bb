using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.Bench;

/// <summary>
/// What History's index costs ingest (issue 12): inbound texts through the single writer (the webhook's write path,
/// without HTTP), 64 in flight, into a fresh database with the FTS5 triggers and with them dropped, alternating.
/// </summary>
public static class HistoryIngest
{
    private const string DropIndexTriggers = "DROP TRIGGER " + MessageSearchSchema.InsertTrigger + "; DROP TRIGGER " + MessageSearchSchema.UpdateTrigger
        + "; DROP TRIGGER " + MessageSearchSchema.DeleteTrigger + ";";

    public static async Task<int> RunAsync(string folder, int count, int rounds)
    {
        for (var round = 1; round <= rounds; round++)
            foreach (var indexed in new[] { false, true })
            {
                var path = Path.Combine(folder, $"ingest-{round}-{indexed}.db");
                var rate = await MeasureAsync(path, count, indexed);
                Console.WriteLine($"ingest round {round}, {(indexed ? "with" : "without")} the History index: {rate:N0} texts/s ({count:N0} through the writer, 64 in flight); {Stats.Load()}");
            }
        return 0;
    }

    private static async Task<double> MeasureAsync(string path, int count, bool indexed)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sms"] = $"Data Source={path}" }).Build();
        var services = new ServiceCollection().AddLogging().AddSmsCore(config);
        services.AddSingleton<IInboxEventPublisher, NoEvents>();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<SmsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (!indexed)
                await db.Database.ExecuteSqlRawAsync(DropIndexTriggers);
            db.Agents.Add(new Agent { Name = "Alex", Numbers = [new AgentNumber { PhoneNumber = "+15005550006" }] });
            await db.SaveChangesAsync();
        }
        var writer = provider.GetRequiredService<InboxWriter>();
        await writer.StartAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(64);
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await gate.WaitAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await writer.ExecuteAsync(new ReceiveSms($"SMi{n:D12}", $"+1646{5550000 + n % 2000:D7}", "+15005550006",
                        $"Hi, is the open house at {n % 900} Oak St still on for Saturday? Message {n}"));
                }
                finally { gate.Release(); }
            }));
        }
        await Task.WhenAll(tasks);
        var rate = count / clock.Elapsed.TotalSeconds;
        await writer.StopAsync(CancellationToken.None);
        return rate;
    }
}

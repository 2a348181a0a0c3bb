using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain.Data;

/// <summary>Checkpoints of SQLite's log run beside the writer, not inside its commits.</summary>
public class WalCheckpointerTests
{
    [Fact]
    public async Task WhenTextsWereWritten_ThenOneCheckpointCopiesTheWholeLogIntoTheDatabase()
    {
        await using var inbox = await TestInbox.CreateAsync();
        for (var i = 0; i < 20; i++) await inbox.ReceiveAsync($"+1212555{i:D4}", $"Hello {i}");
        var checkpointer = new WalCheckpointer(inbox.Db, NullLogger<WalCheckpointer>.Instance, TimeSpan.FromSeconds(1));

        var (log, checkpointed) = await checkpointer.CheckpointAsync();

        Assert.True(log > 0, "the writes went to the log");
        Assert.Equal(log, checkpointed);
    }

    [Fact]
    public async Task WhenItRuns_ThenItCheckpointsEverySecondAndSqlitesOwnWaitsFor16MegabytesOfLog()
    {
        await using var inbox = await TestInbox.CreateAsync();
        var checkpointer = new WalCheckpointer(inbox.Db, NullLogger<WalCheckpointer>.Instance, TimeSpan.FromSeconds(1));
        await using var db = await inbox.Db.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(4096L, (long)(await command.ExecuteScalarAsync())!);

        await inbox.ReceiveAsync("+12125550199", "Still there?");
        await checkpointer.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (checkpointer.Completed < 2 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await checkpointer.StopAsync(CancellationToken.None);

        Assert.True(checkpointer.Completed >= 2, $"{checkpointer.Completed} background checkpoints in 10 s");
    }
}

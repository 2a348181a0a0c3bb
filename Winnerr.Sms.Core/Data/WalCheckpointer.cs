using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database on a connection of its own, once a
/// <see cref="Interval"/>, instead of inside a writer's commit. SQLite's automatic checkpoint runs in the
/// commit that crosses its threshold: after a large write (a 5,000-recipient campaign and its search index)
/// that commit copies megabytes and syncs the file while every webhook waits behind the single writer.
/// A passive checkpoint here never blocks a writer or a reader. The automatic one stays as a backstop at a
/// higher threshold (<see cref="SqlitePragmas"/>), in case this one falls behind or stops.
/// </summary>
public sealed class WalCheckpointer(IDbContextFactory<SmsDbContext> dbFactory, ILogger<WalCheckpointer> logger, TimeSpan interval) : BackgroundService
{
    public TimeSpan Interval { get; } = interval;

    private int _completed;

    /// <summary>Background checkpoints done since start.</summary>
    public int Completed => Volatile.Read(ref _completed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                    Interlocked.Increment(ref _completed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "WAL checkpoint failed; SQLite's own checkpoint covers it");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One passive checkpoint: the log's frames, and how many of them are now in the database.</summary>
    public async Task<(int LogFrames, int CheckpointedFrames)> CheckpointAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(1), reader.GetInt32(2));
    }
}

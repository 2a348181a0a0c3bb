using System.Threading.Channels;

namespace Winnerr.Sms.App.Simulator;

/// <summary>
/// The simulator's message log, written with group commit: the texts accepted while one transaction
/// commits go together in the next, so the stand-in for Twilio costs one fsync per batch, not per text.
/// Each send still returns only once its row is durable.
/// </summary>
public sealed class SimulatorLog : IDisposable
{
    private readonly IDbContextFactory<SmsDbContext> _dbFactory;
    private readonly ILogger<SimulatorLog> _logger;
    private readonly Channel<(SimulatedProviderMessage Message, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(SimulatedProviderMessage, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SimulatorLog(IDbContextFactory<SmsDbContext> dbFactory, ILogger<SimulatorLog> logger)
    {
        _dbFactory = dbFactory;
        _logger = logger;
        _loop = Task.Run(WriteAsync);
    }

    public Task AppendAsync(SimulatedProviderMessage message)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((message, done))) throw new InvalidOperationException("The simulator has stopped.");
        return done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(SimulatedProviderMessage Message, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 500 && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await using var db = await _dbFactory.CreateDbContextAsync();
                db.SimulatedProviderMessages.AddRange(batch.Select(b => b.Message));
                await db.SaveChangesAsync();
                foreach (var (_, done) in batch) done.TrySetResult();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "The simulator could not record {Count} accepted texts", batch.Count);
                foreach (var (_, done) in batch) done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Stops taking texts and waits until what was already accepted is written. A Twilio that is gone does
    /// not log a text afterwards, so a restart's reconciliation sees every text this simulator ever took.
    /// </summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (!_loop.Wait(TimeSpan.FromSeconds(60)))
            _logger.LogError("The simulator's log was still writing after 60 s; texts it accepted may be missing from it");
    }
}

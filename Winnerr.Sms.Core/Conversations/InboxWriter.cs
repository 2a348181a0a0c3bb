using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Conversations;

/// <summary>
/// The single writer of the inbox. SQLite takes one writer at a time, so instead of many requests
/// contending for the lock, commands queue here and are applied in batches, one transaction (one
/// fsync) per batch. A caller's task completes only after its batch is committed, so a webhook
/// answered 200 is durable. Events are published after the commit.
/// </summary>
public sealed class InboxWriter(
    IDbContextFactory<SmsDbContext> dbFactory,
    InboxCommandHandler handler,
    IInboxEventPublisher publisher,
    ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private sealed record Pending(InboxCommand Command, TaskCompletionSource<WriteResult> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task<WriteResult> ExecuteAsync(InboxCommand command)
    {
        var pending = new Pending(command, new TaskCompletionSource<WriteResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The inbox writer has stopped.");
        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                await ApplyBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled();
        }
    }

    private async Task ApplyBatchAsync(List<Pending> batch)
    {
        try
        {
            Publish(await ApplyAsync(batch));
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad command must not fail its neighbours: apply them one by one.
            logger.LogWarning(ex, "A batch of {Count} inbox commands failed; applying them one at a time", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    Publish(await ApplyAsync([pending]));
                }
                catch (Exception single)
                {
                    logger.LogError(single, "Inbox command {Command} failed", pending.Command.GetType().Name);
                    pending.Done.TrySetException(single);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Inbox command {Command} failed", batch[0].Command.GetType().Name);
            batch[0].Done.TrySetException(ex);
        }
    }

    private async Task<List<InboxEvent>> ApplyAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var completions = await handler.ApplyBatchAsync(db, batch.Select(p => p.Command).ToList(), CancellationToken.None);
        await db.SaveChangesAsync();

        var agents = db.ChangeTracker.Entries<Conversation>().Select(e => e.Entity.AgentId).OfType<long>().Distinct().ToList();
        var unread = new Dictionary<long, int>();
        foreach (var agentId in agents) unread[agentId] = await InboxQueries.TotalUnreadAsync(db, agentId);

        var events = new List<InboxEvent>();
        var results = completions.Select(complete => complete(events, unread)).ToList();
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
        return events;
    }

    private void Publish(List<InboxEvent> events)
    {
        foreach (var e in events) publisher.Publish(e);
    }
}

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
    InboxCommandHandlers handlers,
    IInboxEventPublisher publisher,
    OutboxSignal outbox,
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
        Committed committed;
        try
        {
            committed = await CommitAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // Nothing of this batch was committed (the transaction rolled back), so each command can be
            // applied on its own: one bad command must not fail its neighbours.
            logger.LogWarning(ex, "A batch of {Count} inbox commands failed; applying them one at a time", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    Complete([pending], await CommitAsync([pending]));
                }
                catch (Exception single)
                {
                    logger.LogError(single, "Inbox command {Command} failed", pending.Command.GetType().Name);
                    pending.Done.TrySetException(single);
                }
            }
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Inbox command {Command} failed", batch[0].Command.GetType().Name);
            batch[0].Done.TrySetException(ex);
            return;
        }
        Complete(batch, committed);
    }

    private sealed record Committed(IReadOnlyList<Completion> Completions, Dictionary<long, int> Unread, Dictionary<long, int> NeedsReply, bool OutboxChanged);

    /// <summary>Applies and commits; everything that can fail happens before the commit, nothing after it.</summary>
    private async Task<Committed> CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (completions, applied) = await handlers.ApplyBatchAsync(db, batch.Select(p => p.Command).ToList(), CancellationToken.None);
        var unread = new Dictionary<long, int>();
        var needsReply = new Dictionary<long, int>();
        foreach (var agentId in applied.Agents)
        {
            unread[agentId] = await InboxQueries.TotalUnreadAsync(db, agentId);
            needsReply[agentId] = await InboxQueries.TotalNeedsReplyAsync(db, agentId);
        }
        await transaction.CommitAsync();
        return new Committed(completions, unread, needsReply, applied.OutboxChanged);
    }

    /// <summary>
    /// After the commit: build each caller's answer, publish, wake the dispatcher, then answer. Events go
    /// out before the answers, so a caller who awaited its write sees its events already published. A
    /// failure here is one caller's, never a reason to apply again.
    /// </summary>
    private void Complete(IReadOnlyList<Pending> batch, Committed committed)
    {
        var events = new List<InboxEvent>();
        var results = new (WriteResult? Result, Exception? Error)[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                results[i] = (committed.Completions[i](events, committed.Unread), null);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Completing committed inbox command {Command} failed", batch[i].Command.GetType().Name);
                results[i] = (null, ex);
            }
        }
        if (committed.OutboxChanged) outbox.Notify();
        foreach (var e in events.Select(e => WithTotals(e, committed)))
        {
            try
            {
                publisher.Publish(e);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Publishing {Event} failed", e.GetType().Name);
            }
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error) batch[i].Done.TrySetException(error);
            else batch[i].Done.TrySetResult(results[i].Result!);
        }
    }

    /// <summary>The batch's needs-reply count for the agent, on every row it changed (handlers fill in unread themselves).</summary>
    private static InboxEvent WithTotals(InboxEvent e, Committed committed) =>
        e is ThreadChanged changed && committed.NeedsReply.TryGetValue(changed.AgentId, out var needsReply)
            ? changed with { TotalNeedsReply = needsReply }
            : e;
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>The conversations open in some page right now: only those get suggestions pushed.</summary>
public sealed class SuggestionWatch
{
    private readonly ConcurrentDictionary<(long Agent, long Conversation), int> _open = new();

    public IDisposable Watch(long agentId, long conversationId)
    {
        _open.AddOrUpdate((agentId, conversationId), 1, (_, n) => n + 1);
        return new Release(() => _open.AddOrUpdate((agentId, conversationId), 0, (_, n) => n - 1));
    }

    public bool IsWatched(long agentId, long conversationId) => _open.GetValueOrDefault((agentId, conversationId)) > 0;

    public IReadOnlyList<(long Agent, long Conversation)> All => _open.Where(p => p.Value > 0).Select(p => p.Key).ToList();

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }
}

/// <summary>
/// Computes suggestions after the webhook was answered: committed events are offered here (a non-blocking write
/// to a bounded queue), one background reader computes, then publishes <see cref="SuggestionsReady"/>. Neither the
/// webhook nor the single writer ever waits for a model. Under a burst the oldest requests are dropped: a page that
/// opens the conversation later asks again.
/// </summary>
public sealed class SuggestionWorker(IServiceProvider services, SuggestionService suggestions, SuggestionWatch watch, SuggestionModel model,
    AgentHistory history, SuggestionFeedbackLog feedback, ILogger<SuggestionWorker> logger) : BackgroundService
{
    private abstract record Work(long AgentId, long ConversationId);
    private sealed record Compute(long AgentId, long ConversationId) : Work(AgentId, ConversationId);
    private sealed record Sent(long AgentId, long ConversationId, string Body) : Work(AgentId, ConversationId);

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(512)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });

    /// <summary>Called on the publishing thread: must never block or throw.</summary>
    public void Observe(InboxEvent e)
    {
        if (!suggestions.Enabled || e is not ThreadChanged { NewMessage: { } message } changed) return;
        if (message.Direction == MessageDirection.Outbound)
        {
            history.Invalidate(changed.AgentId);
            _queue.Writer.TryWrite(new Sent(changed.AgentId, changed.Thread.ConversationId, message.Body));
        }
        else if (watch.IsWatched(changed.AgentId, changed.Thread.ConversationId))
        {
            _queue.Writer.TryWrite(new Compute(changed.AgentId, changed.Thread.ConversationId));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Conversations opened while the model was loading get their suggestions as soon as it is ready.
        model.Ready += () =>
        {
            foreach (var (agent, conversation) in watch.All) _queue.Writer.TryWrite(new Compute(agent, conversation));
        };
        var publisher = services.GetRequiredService<IInboxEventPublisher>();
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (work is Sent sent)
                    {
                        await feedback.OnSentAsync(sent.AgentId, sent.ConversationId, sent.Body);
                        continue;
                    }
                    if (!watch.IsWatched(work.AgentId, work.ConversationId)) continue;
                    if (await suggestions.SuggestAsync(work.AgentId, work.ConversationId, stoppingToken) is { } set)
                        publisher.Publish(new SuggestionsReady(work.AgentId, set));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Suggestions for conversation {ConversationId} failed", work.ConversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Publishes as before, and offers each committed event to the suggestion worker.</summary>
public sealed class SuggestingPublisher(IInboxEventPublisher inner, SuggestionWorker worker) : IInboxEventPublisher
{
    public void Publish(InboxEvent inboxEvent)
    {
        inner.Publish(inboxEvent);
        worker.Observe(inboxEvent);
    }
}

using System.Collections.Immutable;

using System.Collections.Concurrent;

namespace Winnerr.Sms.App.Realtime;

/// <summary>
/// Fans committed inbox events out to the circuits of the agent they belong to. A singleton;
/// each circuit subscribes once for its agent (see InboxLiveUpdates) and hops onto its own
/// synchronization context with InvokeAsync. In-process only: see the README for more than one machine.
/// </summary>
public sealed class InboxNotifier(ILogger<InboxNotifier> logger) : IInboxEventPublisher
{
    private readonly ConcurrentDictionary<long, ImmutableHandlers> _byAgent = new();

    private sealed record ImmutableHandlers(ImmutableArray<Func<InboxEvent, Task>> Items);

    public IDisposable Subscribe(long agentId, Func<InboxEvent, Task> handler)
    {
        _byAgent.AddOrUpdate(agentId,
            _ => new ImmutableHandlers([handler]),
            (_, current) => new ImmutableHandlers(current.Items.Add(handler)));
        return new Subscription(() => _byAgent.AddOrUpdate(agentId,
            _ => new ImmutableHandlers([]),
            (_, current) => new ImmutableHandlers(current.Items.Remove(handler))));
    }

    public void Publish(InboxEvent inboxEvent)
    {
        if (!_byAgent.TryGetValue(inboxEvent.AgentId, out var handlers)) return;
        foreach (var handler in handlers.Items) _ = DeliverAsync(handler, inboxEvent);
    }

    // The webhook must not wait on slow or broken circuits; a failure is logged, not thrown back at Twilio.
    private async Task DeliverAsync(Func<InboxEvent, Task> handler, InboxEvent inboxEvent)
    {
        try
        {
            await handler(inboxEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A circuit failed to take inbox event {Event}", inboxEvent.GetType().Name);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}

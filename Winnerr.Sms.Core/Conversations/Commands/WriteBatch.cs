namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>State shared by the commands of one batch: the moment it is applied, and what handlers loaded for it.</summary>
public sealed class WriteBatch(DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;

    private readonly Dictionary<Type, object> _items = [];

    public T Get<T>() where T : class => (T)_items[typeof(T)];
    public void Set<T>(T item) where T : class => _items[typeof(T)] = item;

    /// <summary>Agents whose threads the batch changed: their unread and needs-reply totals are read before the commit.</summary>
    public HashSet<long> Agents { get; } = [];

    /// <summary>The batch queued, changed or released outbound work: the dispatcher is woken after the commit.</summary>
    public bool OutboxChanged { get; set; }
}

namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>State shared by the commands of one batch: the moment it is applied, and what handlers loaded for it.</summary>
public sealed class WriteBatch(DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;

    private readonly Dictionary<Type, object> _items = [];

    public T Get<T>() where T : class => (T)_items[typeof(T)];
    public void Set<T>(T item) where T : class => _items[typeof(T)] = item;
}

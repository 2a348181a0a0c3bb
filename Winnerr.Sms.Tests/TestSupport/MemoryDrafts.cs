using System.Collections.Concurrent;
using Winnerr.Sms.App.Components.Inbox;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>Drafts kept in memory for component tests, with every save recorded in order.</summary>
public sealed class MemoryDrafts : IDraftStore
{
    private readonly ConcurrentDictionary<long, string> _drafts = new();
    private readonly ConcurrentQueue<(long ConversationId, string? Body)> _saves = new();

    public IReadOnlyList<(long ConversationId, string? Body)> Saves => _saves.ToList();
    public int Loads { get; private set; }

    public string? this[long conversationId]
    {
        get => _drafts.TryGetValue(conversationId, out var body) ? body : null;
        set { if (value is null) _drafts.TryRemove(conversationId, out _); else _drafts[conversationId] = value; }
    }

    public Task<string?> LoadAsync(long agentId, long conversationId)
    {
        Loads++;
        return Task.FromResult(this[conversationId]);
    }

    public Task<bool> SaveAsync(long agentId, long conversationId, string? body)
    {
        _saves.Enqueue((conversationId, body));
        this[conversationId] = body;
        return Task.FromResult(true);
    }
}

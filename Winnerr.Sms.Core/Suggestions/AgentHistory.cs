using System.Collections.Concurrent;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Each agent's own past replies: a contact's text and what this agent answered next, from this agent's
/// conversations only. Built on first use and again after the agent sends, from cached embeddings.
/// </summary>
public sealed class AgentHistory(IDbContextFactory<SmsDbContext> dbFactory, EmbeddingStore store, IOptions<RankerOptions> ranker)
{
    public const int MaxPairs = 500;
    private const int ScanMessages = 4000;

    private sealed record Entry(IReadOnlyList<HistoryReply> Items, int Version);
    private readonly ConcurrentDictionary<long, Entry> _byAgent = new();
    private readonly ConcurrentDictionary<long, int> _versions = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _building = new();

    /// <summary>The agent sent a text: their history has a new pair.</summary>
    public void Invalidate(long agentId) => _versions.AddOrUpdate(agentId, 1, (_, v) => v + 1);

    public async Task<IReadOnlyList<HistoryReply>> GetAsync(LoadedModel model, long agentId, CancellationToken ct = default)
    {
        var version = _versions.GetValueOrDefault(agentId);
        if (_byAgent.TryGetValue(agentId, out var entry) && entry.Version == version) return entry.Items;
        var gate = _building.GetOrAdd(agentId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            version = _versions.GetValueOrDefault(agentId);
            if (_byAgent.TryGetValue(agentId, out entry) && entry.Version == version) return entry.Items;
            var items = await BuildAsync(model, agentId, ct);
            _byAgent[agentId] = new Entry(items, version);
            return items;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<HistoryReply>> BuildAsync(LoadedModel model, long agentId, CancellationToken ct)
    {
        var pairs = await PairsAsync(agentId, ct);
        if (pairs.Count == 0) return [];
        var vectors = await store.GetAsync(model.Generator, pairs.Select(p => p.Inbound).ToList(), ct);
        return pairs.Select((p, i) => new HistoryReply(p.ReplyId, vectors[i], p.Reply, SuggestionRanker.Classify(vectors[i], model.Intents, ranker.Value.Threshold)))
            .ToList();
    }

    internal sealed record Pair(long ReplyId, string Inbound, string Reply);

    /// <summary>The agent's latest one-to-one replies that answered a contact's text directly, scrubbed for reuse.</summary>
    internal async Task<List<Pair>> PairsAsync(long agentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.Conversation.AgentId == agentId)
            .OrderByDescending(m => m.CreatedAt)
            .Take(ScanMessages)
            .Select(m => new { m.Id, m.ConversationId, m.Direction, m.Body, m.Status, m.Purpose, m.Keyword, m.CreatedAt, m.Contact.FirstName })
            .ToListAsync(ct);
        var pairs = new List<Pair>();
        foreach (var thread in recent.GroupBy(m => m.ConversationId))
        {
            var ordered = thread.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, reply) = (ordered[i - 1], ordered[i]);
                if (reply.Direction != MessageDirection.Outbound || before.Direction != MessageDirection.Inbound || before.Keyword is not null) continue;
                if (reply.Purpose != TextPurpose.Transactional || MessageStatus.IsFailure(reply.Status) || reply.Status == MessageStatus.Canceled) continue;
                if (HistoryScrubber.Reusable(reply.Body, reply.FirstName) is not { } reusable) continue;
                pairs.Add(new Pair(reply.Id, before.Body, reusable));
            }
        }
        return pairs.OrderByDescending(p => p.ReplyId).Take(MaxPairs).ToList();
    }
}

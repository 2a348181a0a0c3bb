using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Suggestions for a conversation's latest inbound text: the gate first, then the configured endpoint (if any)
/// with the embedded engine as its fallback. Reads only, never through the inbox writer. The last answer per
/// conversation is kept, so opening a conversation again costs nothing.
/// </summary>
public sealed class SuggestionService(IDbContextFactory<SmsDbContext> dbFactory, EmbeddedSuggestionEngine embedded, ChatSuggestionEngine chat,
    IOptions<AiOptions> options, ILogger<SuggestionService> logger)
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<long, SuggestionSet> _latest = new();

    public bool Enabled => options.Value.Enabled;

    /// <summary>Null when nothing can be said yet (the model is still loading, or the conversation is not this agent's).</summary>
    public async Task<SuggestionSet?> SuggestAsync(long agentId, long conversationId, CancellationToken ct = default)
    {
        if (!Enabled) return null;
        var input = await LoadAsync(agentId, conversationId, ct);
        if (input?.Last is not { } last) return null;
        if (_latest.TryGetValue(conversationId, out var cached) && cached.MessageId == last.Id) return cached;
        var items = await SuggestAsync(input, ct);
        if (items is null) return null;
        var set = new SuggestionSet(conversationId, last.Id, items);
        if (_latest.Count >= MaxCached) _latest.Clear();
        _latest[conversationId] = set;
        return set;
    }

    /// <summary>The decision for an input already loaded: none where the gate says so, else the endpoint or the embedded engine.</summary>
    public async Task<IReadOnlyList<Suggestion>?> SuggestAsync(SuggestionInput input, CancellationToken ct = default)
    {
        if (SuggestionGate.WhyNone(input) is { } reason)
        {
            logger.LogDebug("No suggestions for conversation {ConversationId}: {Reason}", input.ConversationId, reason);
            return [];
        }
        if (chat.IsConfigured && await chat.SuggestAsync(input, ct) is { } fromModel) return fromModel;
        return await embedded.SuggestAsync(input, ct);
    }

    public async Task<SuggestionInput?> LoadAsync(long agentId, long conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId && c.AgentId == agentId)
            .Select(c => new { c.Contact, AgentName = db.Agents.Where(a => a.Id == agentId).Select(a => a.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var turns = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(SuggestionInput.MaxTurns)
            .Select(m => new TurnView(m.Id, m.Direction, m.Body, m.CreatedAt, m.Keyword, m.FlaggedRevocation))
            .ToListAsync(ct);
        turns.Reverse();
        return new SuggestionInput(agentId, found.AgentName ?? "", conversationId, ContactFacts.From(found.Contact), turns);
    }
}

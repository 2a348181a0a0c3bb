using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// Learning from use: a click is recorded; the agent's next text in that conversation tells whether it went as
/// suggested or edited. Accepted replies rank higher for this agent (never for another).
/// </summary>
public sealed class SuggestionFeedbackLog(IDbContextFactory<SmsDbContext> dbFactory, TimeProvider clock, ILogger<SuggestionFeedbackLog> logger)
{
    private sealed class Counts { public int Clicked; public int Sent; public int Edited; }

    private readonly ConcurrentDictionary<long, Task<ConcurrentDictionary<string, Counts>>> _byAgent = new();
    private readonly ConcurrentDictionary<(long Agent, long Conversation), Suggestion> _clicked = new();

    public async Task RecordClickAsync(long agentId, long conversationId, Suggestion suggestion)
    {
        _clicked[(agentId, conversationId)] = suggestion;
        await BumpAsync(agentId, conversationId, suggestion, SuggestionFeedback.Clicked);
    }

    /// <summary>The agent sent a text in the conversation: if it followed a click, was it the suggestion as it was?</summary>
    public Task OnSentAsync(long agentId, long conversationId, string body)
    {
        if (!_clicked.TryRemove((agentId, conversationId), out var suggestion)) return Task.CompletedTask;
        var asIs = string.Equals(Normal(body), Normal(suggestion.Text), StringComparison.Ordinal);
        return BumpAsync(agentId, conversationId, suggestion, asIs ? SuggestionFeedback.SentAsIs : SuggestionFeedback.Edited);
    }

    /// <summary>Rank boosts of this agent's replies: grows with acceptance, capped so a habit never outranks relevance.</summary>
    public async Task<IReadOnlyDictionary<string, double>> BoostsAsync(long agentId)
    {
        var counts = await CountsAsync(agentId);
        return counts.ToDictionary(c => c.Key, c => Boost(c.Value.Clicked, c.Value.Sent, c.Value.Edited));
    }

    public static double Boost(int clicked, int sent, int edited) =>
        Math.Min(0.08, 0.025 * Math.Log2(1 + sent + 0.5 * edited + 0.25 * Math.Max(0, clicked - sent - edited)));

    private async Task BumpAsync(long agentId, long conversationId, Suggestion suggestion, string outcome)
    {
        var counts = (await CountsAsync(agentId)).GetOrAdd(suggestion.ReplyKey, _ => new Counts());
        lock (counts)
        {
            if (outcome == SuggestionFeedback.Clicked) counts.Clicked++;
            else if (outcome == SuggestionFeedback.SentAsIs) counts.Sent++;
            else counts.Edited++;
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.SuggestionFeedback.Add(new SuggestionFeedback
            {
                AgentId = agentId, ConversationId = conversationId, ReplyKey = suggestion.ReplyKey, Intent = Clip(suggestion.Intent),
                Outcome = outcome, At = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Recording suggestion feedback failed");
        }
    }

    private Task<ConcurrentDictionary<string, Counts>> CountsAsync(long agentId) => _byAgent.GetOrAdd(agentId, LoadAsync);

    private async Task<ConcurrentDictionary<string, Counts>> LoadAsync(long agentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.SuggestionFeedback.AsNoTracking().Where(f => f.AgentId == agentId)
            .GroupBy(f => new { f.ReplyKey, f.Outcome }).Select(g => new { g.Key.ReplyKey, g.Key.Outcome, Count = g.Count() }).ToListAsync();
        var result = new ConcurrentDictionary<string, Counts>();
        foreach (var row in rows)
        {
            var c = result.GetOrAdd(row.ReplyKey, _ => new Counts());
            if (row.Outcome == SuggestionFeedback.Clicked) c.Clicked += row.Count;
            else if (row.Outcome == SuggestionFeedback.SentAsIs) c.Sent += row.Count;
            else c.Edited += row.Count;
        }
        return result;
    }

    private static string Normal(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    private static string Clip(string s) => s.Length <= 64 ? s : s[..64];
}

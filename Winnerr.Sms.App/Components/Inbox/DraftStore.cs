namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>Where the compose box keeps an agent's unsent text per conversation.</summary>
public interface IDraftStore
{
    Task<string?> LoadAsync(long agentId, long conversationId);

    /// <summary>Queued in call order behind earlier saves; answers whether it was kept (false: too long, or the thread is gone).</summary>
    Task<bool> SaveAsync(long agentId, long conversationId, string? body);
}

/// <summary>Drafts in the conversation's row, written through the single writer like every other change.</summary>
public sealed class DraftStore(InboxQueries queries, InboxWriter writer) : IDraftStore
{
    public Task<string?> LoadAsync(long agentId, long conversationId) => queries.GetDraftAsync(agentId, conversationId);

    public async Task<bool> SaveAsync(long agentId, long conversationId, string? body) =>
        (await writer.ExecuteAsync(new SaveDraft(agentId, conversationId, body))).Outcome == WriteOutcome.Done;
}

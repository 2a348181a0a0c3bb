namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class SaveDraftHandler : CommandHandler<SaveDraft>
{
    /// <summary>Generous beyond a text's 1,600 characters: the box keeps what was typed even when it is too long to send.</summary>
    public const int MaxLength = 10_000;

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SaveDraft c, WriteBatch batch, CancellationToken ct)
    {
        var body = string.IsNullOrWhiteSpace(c.Body) ? null : c.Body;
        if (body is { Length: > MaxLength }) return Fail(WriteResult.Invalid($"A draft can be at most {MaxLength:N0} characters."));
        var conversation = await db.Conversations.FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.AgentId == c.AgentId, ct);
        if (conversation is null) return Fail(WriteResult.NotFound("Conversation not found."));
        // The thread's row (and so its place in the list) is not touched: a draft is not activity.
        conversation.Draft = body;
        return Unchanged;
    }
}

namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class MarkConversationUnreadHandler : CommandHandler<MarkConversationUnread>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, MarkConversationUnread c, WriteBatch batch, CancellationToken ct)
    {
        var conversation = await db.Conversations.Include(x => x.Contact)
            .FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.AgentId == c.AgentId, ct);
        if (conversation is null) return Fail(WriteResult.NotFound("Conversation not found."));
        if (conversation.UnreadCount > 0) return Unchanged;
        conversation.UnreadCount = 1;
        return (events, unread) =>
        {
            events.Add(new ThreadChanged(c.AgentId, InboxWrites.Summary(conversation), null, unread.GetValueOrDefault(c.AgentId)));
            return WriteResult.Ok;
        };
    }
}

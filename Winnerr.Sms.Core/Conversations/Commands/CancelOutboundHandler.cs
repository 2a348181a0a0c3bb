namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class CancelOutboundHandler : CommandHandler<CancelOutbound>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, CancelOutbound c, WriteBatch batch, CancellationToken ct)
    {
        var message = await InboxWrites.WithConversation(db)
            .FirstOrDefaultAsync(m => m.Id == c.MessageId && (c.AgentId == null || m.Conversation.AgentId == c.AgentId), ct);
        if (message is null) return Fail(WriteResult.NotFound("Message not found."));
        var row = await db.Outbox.FirstOrDefaultAsync(o => o.MessageId == c.MessageId, ct);
        // Only a text still waiting can be cancelled; one being handed to the provider right now cannot.
        var cancellable = row is not null && (row.State == OutboxState.Pending || (c.ClaimToken is not null && row.ClaimToken == c.ClaimToken));
        if (!cancellable) return Fail(WriteResult.Invalid("This text is already on its way and can no longer be cancelled."));

        db.Outbox.Remove(row!);
        message.Status = MessageStatus.Canceled;
        message.ErrorMessage = c.Reason;
        InboxWrites.Follow(message);
        message.UpdatedAt = batch.Now;
        return InboxWrites.StatusAndThreadChanged(message);
    }
}

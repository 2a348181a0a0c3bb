namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class ResumeSenderHandler : CommandHandler<ResumeSender>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ResumeSender c, WriteBatch batch, CancellationToken ct)
    {
        var number = await db.AgentNumbers.FirstOrDefaultAsync(n => n.PhoneNumber == c.Number, ct);
        if (number is null) return Fail(WriteResult.NotFound("Number not found."));
        if (number.PausedAt is null) return Unchanged;
        number.PausedAt = null;
        number.PauseCode = null;
        number.PauseReason = null;
        // Waiting texts go at once; touching their rows also wakes the dispatcher.
        await db.Outbox.Where(o => o.SenderNumber == c.Number && o.State == OutboxState.Pending && o.DueAt > batch.Now)
            .Where(o => o.Message!.Status == MessageStatus.Queued)
            .ForEachAsync(o => o.DueAt = batch.Now, ct);
        var waiting = await InboxWrites.WithConversation(db)
            .Where(m => m.Conversation.AgentNumber == c.Number && m.Status == MessageStatus.Queued && m.ErrorMessage != null && db.Outbox.Any(o => o.MessageId == m.Id))
            .ToListAsync(ct);
        foreach (var m in waiting)
        {
            m.ErrorCode = null;
            m.ErrorMessage = null;
            m.UpdatedAt = batch.Now;
        }
        return (events, _) =>
        {
            events.Add(new SenderChanged(number.AgentId, number.PhoneNumber, null));
            foreach (var m in waiting) events.Add(new MessageStatusChanged(number.AgentId, MessageView.From(m)));
            return WriteResult.Ok;
        };
    }
}

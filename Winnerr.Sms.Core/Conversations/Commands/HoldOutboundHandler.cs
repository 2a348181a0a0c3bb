namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class HoldOutboundHandler : CommandHandler<HoldOutbound>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, HoldOutbound c, WriteBatch batch, CancellationToken ct)
    {
        var row = await db.Outbox.FirstOrDefaultAsync(o => o.MessageId == c.MessageId && o.ClaimToken == c.ClaimToken, ct);
        if (row is null) return Unchanged;
        var message = await InboxWrites.WithConversation(db).FirstAsync(m => m.Id == c.MessageId, ct);
        if (await CampaignWrites.CancelsUnsentAsync(db, row, message, batch.Now, ct)) return InboxWrites.StatusAndThreadChanged(message);
        row.State = await CampaignWrites.ReleasedStateAsync(db, row, ct);
        row.ClaimToken = null;
        row.DueAt = c.Until;
        // A hold is not a failed attempt.
        row.Attempts = Math.Max(0, row.Attempts - 1);
        message.Status = MessageStatus.Scheduled;
        message.ScheduledFor = c.Until;
        InboxWrites.Follow(message);
        message.UpdatedAt = batch.Now;
        return InboxWrites.StatusChanged(message);
    }
}

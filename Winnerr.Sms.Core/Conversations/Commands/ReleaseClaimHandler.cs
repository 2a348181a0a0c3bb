namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class ReleaseClaimHandler : CommandHandler<ReleaseClaim>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ReleaseClaim c, WriteBatch batch, CancellationToken ct)
    {
        var row = await db.Outbox.FirstOrDefaultAsync(o => o.MessageId == c.MessageId && o.ClaimToken == c.ClaimToken, ct);
        if (row is null) return Unchanged;
        if (await CampaignWrites.IsCancelledAsync(db, row, ct))
        {
            // Cancelled while it waited, and certainly unsent (the dispatcher reconciles before it releases such a row).
            var message = await InboxWrites.WithConversation(db).FirstAsync(m => m.Id == c.MessageId, ct);
            CampaignWrites.CancelUnsent(db, row, message, batch.Now);
            return InboxWrites.StatusAndThreadChanged(message);
        }
        row.State = await CampaignWrites.ReleasedStateAsync(db, row, ct);
        row.ClaimToken = null;
        row.DueAt = batch.Now;
        // Nothing was sent: not an attempt.
        row.Attempts = Math.Max(0, row.Attempts - 1);
        return Unchanged;
    }
}

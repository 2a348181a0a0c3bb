
namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Moves an outbound message's status forward; Twilio's callbacks are neither ordered nor guaranteed.</summary>
public sealed class ApplyStatusHandler(IOptions<CampaignOptions> campaigns) : CommandHandler<ApplyStatus>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ApplyStatus c, WriteBatch batch, CancellationToken ct)
    {
        if (!MessageStatus.IsKnown(c.Status)) return Fail(WriteResult.Invalid($"Unknown MessageStatus \"{c.Status}\"."));

        Message? message = null;
        if (c.MessageId is { } id)
        {
            message = await InboxWrites.WithConversation(db).FirstOrDefaultAsync(m => m.Id == id, ct);
            // A callback for an earlier attempt of a message that has since been retried: stale.
            if (message is { Sid: not null } && message.Sid != c.MessageSid) return Unchanged;
        }
        message ??= await InboxWrites.WithConversation(db).FirstOrDefaultAsync(m => m.Sid == c.MessageSid, ct);
        if (message is null) return Fail(WriteResult.NotFound($"No message with SID {c.MessageSid}."));

        message.Sid ??= c.MessageSid;
        if (!MessageStatus.CanAdvance(message.Status, c.Status)) return Unchanged;
        InboxWrites.SetStatus(message, c.Status.ToLowerInvariant(), c.ErrorCode, c.ErrorMessage, batch.Now);
        if (!MessageStatus.IsFailure(message.Status)) return InboxWrites.StatusChanged(message);
        var paused = await CampaignWrites.PauseOnFilteringAsync(db, message, campaigns.Value, batch.Now, ct);
        return InboxWrites.StatusAndThreadChanged(message, paused);
    }
}

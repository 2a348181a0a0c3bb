
namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Records a send's outcome and settles its outbox row: accepted and final ones leave the outbox;
/// retryable ones come back later with backoff; unknown ones come back to be reconciled first;
/// configuration errors pause the sender number until an admin resumes it.
/// </summary>
public sealed class RecordSendOutcomeHandler(IOptions<OutboxOptions> options, IOptions<CampaignOptions> campaigns) : CommandHandler<RecordSendOutcome>
{
    /// <summary>A batch's messages and outbox rows, loaded in two queries rather than two per outcome.</summary>
    private sealed record Loaded(Dictionary<long, Message> Messages, Dictionary<long, OutboxItem> Rows);

    protected override async Task PrepareAsync(SmsDbContext db, IReadOnlyList<RecordSendOutcome> commands, WriteBatch batch, CancellationToken ct)
    {
        var ids = commands.Select(c => c.MessageId).Distinct().ToList();
        var messages = await InboxWrites.WithConversation(db).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var rows = await db.Outbox.Where(o => ids.Contains(o.MessageId)).ToDictionaryAsync(o => o.MessageId, ct);
        batch.Set(new Loaded(messages, rows));
    }

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, RecordSendOutcome c, WriteBatch batch, CancellationToken ct)
    {
        var loaded = batch.Get<Loaded>();
        if (!loaded.Messages.TryGetValue(c.MessageId, out var message)) return Fail(WriteResult.NotFound("Message not found."));
        // A row removed by an earlier command of this batch is gone for the later ones too.
        var row = loaded.Rows.TryGetValue(c.MessageId, out var found) && db.Entry(found).State != EntityState.Deleted ? found : null;
        // Our claim expired and another node took the row: only the provider's SID is still worth keeping.
        var ours = row is not null && (c.ClaimToken is null || row.ClaimToken == c.ClaimToken);
        var r = c.Result;
        var now = batch.Now;

        if (r.Outcome == SendOutcome.Accepted)
        {
            if (message.Sid is not null && message.Sid != r.Sid) return Unchanged;
            if (ours) db.Outbox.Remove(row!);
            // A status callback can beat this answer: then the SID is already there and the status ahead.
            var advances = MessageStatus.CanAdvance(message.Status, r.Status) || message.Status == MessageStatus.Scheduled;
            if (message.Sid == r.Sid && !advances && message.ErrorMessage is null) return Unchanged;
            message.Sid = r.Sid;
            message.SentAt ??= c.StartedAt ?? now;
            message.ErrorCode = null;
            message.ErrorMessage = null;
            message.UpdatedAt = now;
            if (advances) message.Status = MessageStatus.CanAdvance(message.Status, r.Status) ? r.Status : MessageStatus.Queued;
            InboxWrites.Follow(message);
            return InboxWrites.StatusChanged(message);
        }
        if (!ours) return Unchanged;

        switch (r.Outcome)
        {
            case SendOutcome.Final:
                db.Outbox.Remove(row!);
                InboxWrites.SetStatus(message, MessageStatus.Failed, r.ErrorCode, r.ErrorMessage, now);
                // Twilio says the recipient opted out by keyword: the record must say so too.
                if (r.ErrorCode == 21610 && !message.Contact.IsKeywordOptOut
                    && message.Contact.RecordConsent(ConsentStatus.OptedOut, "Twilio: recipient opted out (21610)", now, "STOP"))
                    db.ContactEvents.Add(new ContactEvent { ContactId = message.ContactId, At = now, Kind = "consent", Text = "Opted out (Twilio reported a STOP, error 21610)" });
                return InboxWrites.StatusAndThreadChanged(message, await CampaignWrites.PauseOnFilteringAsync(db, message, campaigns.Value, now, ct));

            case SendOutcome.Configuration:
                var sender = await db.AgentNumbers.FirstOrDefaultAsync(n => n.PhoneNumber == row!.SenderNumber, ct);
                var reason = TwilioErrors.Describe(r.ErrorCode, r.ErrorMessage);
                var paused = sender is { PausedAt: null };
                if (sender is { PausedAt: null })
                {
                    sender.PausedAt = now;
                    sender.PauseCode = r.ErrorCode;
                    sender.PauseReason = reason;
                }
                // Refused before sending: a cancelled campaign's text ends here rather than waiting for the sender.
                if (await CampaignWrites.CancelsUnsentAsync(db, row!, message, now, ct))
                    return (events, unread) =>
                    {
                        if (paused) events.Add(new SenderChanged(sender!.AgentId, sender.PhoneNumber, reason));
                        return InboxWrites.StatusAndThreadChanged(message)(events, unread);
                    };
                // Not this text's fault: it waits, uncounted, until the sender is resumed.
                Release(row!, now, attemptCounted: false);
                message.ErrorCode = r.ErrorCode;
                message.ErrorMessage = $"Waiting: sending from {row!.SenderNumber} is paused. {reason}";
                message.UpdatedAt = now;
                var pausedCampaign = await CampaignWrites.PauseOnConfigurationAsync(db, message, reason, now, ct);
                row!.State = pausedCampaign is not null ? OutboxState.Paused : await CampaignWrites.ReleasedStateAsync(db, row, ct);
                return (events, _) =>
                {
                    if (pausedCampaign is not null) events.Add(new CampaignChanged(pausedCampaign.AgentId, pausedCampaign.Id));
                    if (paused) events.Add(new SenderChanged(sender!.AgentId, sender.PhoneNumber, reason));
                    events.Add(new MessageStatusChanged(message.Conversation.AgentId ?? InboxEvent.Unassigned, MessageView.From(message)));
                    return WriteResult.Ok;
                };

            default: // Retryable, Unknown
                if (row!.Attempts >= options.Value.MaxAttempts)
                {
                    db.Outbox.Remove(row);
                    InboxWrites.SetStatus(message, MessageStatus.Failed, r.ErrorCode, r.ErrorMessage, now);
                    message.ErrorMessage = $"Gave up after {row.Attempts} attempts. {TwilioErrors.Describe(r.ErrorCode, r.ErrorMessage)}";
                    return InboxWrites.StatusAndThreadChanged(message);
                }
                if (r.Outcome == SendOutcome.Unknown)
                {
                    row.Reconcile = true;
                    row.ReconcileSince ??= row.ClaimedAt;
                }
                else if (await CampaignWrites.CancelsUnsentAsync(db, row, message, now, ct)) return InboxWrites.StatusAndThreadChanged(message);
                Release(row, now + options.Value.Backoff(row.Attempts, Random.Shared.NextDouble()), attemptCounted: true);
                row.State = await CampaignWrites.ReleasedStateAsync(db, row, ct);
                return Unchanged;
        }
    }

    private static void Release(OutboxItem row, DateTimeOffset dueAt, bool attemptCounted)
    {
        row.State = OutboxState.Pending;
        row.ClaimToken = null;
        row.DueAt = dueAt;
        if (!attemptCounted) row.Attempts = Math.Max(0, row.Attempts - 1);
    }
}

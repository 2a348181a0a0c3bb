namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class RetryOutboundHandler(ComplianceGate gate) : CommandHandler<RetryOutbound>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, RetryOutbound c, WriteBatch batch, CancellationToken ct)
    {
        var message = await InboxWrites.WithConversation(db)
            .FirstOrDefaultAsync(m => m.Id == c.MessageId && m.Conversation.AgentId == c.AgentId, ct);
        if (message is null) return Fail(WriteResult.NotFound("Message not found."));
        if (message.Direction != MessageDirection.Outbound || !MessageStatus.IsFailure(message.Status))
            return Fail(WriteResult.Invalid("Only a failed message can be retried."));
        if (!TwilioErrors.RetryCanHelp(message.ErrorCode))
            return Fail(WriteResult.Invalid("Sending this text again would fail the same way."));
        var decision = gate.Decide(new GateRequest(message.Purpose, message.Contact.DisplayName, message.Contact.Phone, message.Contact.TimeZone,
            message.Contact.ConsentState, batch.Now));
        if (decision.Verdict == GateVerdict.Refuse) return Fail(WriteResult.Refused(decision.Code!, decision.Reason!));

        var now = batch.Now;
        message.Status = decision.HoldUntil is null ? MessageStatus.Queued : MessageStatus.Scheduled;
        message.ScheduledFor = decision.HoldUntil;
        message.Sid = null;
        message.ErrorCode = null;
        message.ErrorMessage = null;
        message.UpdatedAt = now;
        InboxWrites.Follow(message);
        db.Outbox.Add(new OutboxItem
        {
            MessageId = message.Id, SenderNumber = message.Conversation.AgentNumber, Priority = OutboxPriority.OneToOne,
            DueAt = decision.HoldUntil ?? now, CreatedAt = now,
        });
        return (events, unread) =>
        {
            events.Add(new MessageStatusChanged(c.AgentId, MessageView.From(message)));
            events.Add(new ThreadChanged(c.AgentId, InboxWrites.Summary(message.Conversation), null, unread.GetValueOrDefault(c.AgentId)));
            return new WriteResult(WriteOutcome.Done, ConversationId: message.ConversationId,
                Outbound: new OutboundSms(message.Id, message.Conversation.AgentNumber, message.Contact.Phone, message.Body));
        };
    }
}

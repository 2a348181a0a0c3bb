namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed class QueueOutboundHandler(PhoneNumberNormalizer phones, ComplianceGate gate) : CommandHandler<QueueOutbound>
{
    /// <summary>Twilio refuses bodies over 1,600 characters (error 21617).</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>Twilio's own scheduling reaches 35 days ahead; ours keeps to the same horizon.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(35);

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, QueueOutbound c, WriteBatch batch, CancellationToken ct)
    {
        var body = c.Body.TrimEnd();
        if (string.IsNullOrWhiteSpace(body)) return Fail(WriteResult.Invalid("Type a message first."));
        if (body.Length > MaxBodyLength)
            return Fail(WriteResult.Invalid($"A text can be at most {MaxBodyLength:N0} characters; this one has {body.Length:N0}."));
        var now = batch.Now;
        if (c.SendAt is { } sendAt && sendAt <= now) return Fail(WriteResult.Invalid("Pick a time in the future to send later."));
        if (c.SendAt is { } far && far > now + MaxScheduleAhead) return Fail(WriteResult.Invalid("Texts can be scheduled up to 35 days ahead."));

        var agent = await db.Agents.Include(a => a.Numbers).FirstOrDefaultAsync(a => a.Id == c.AgentId, ct);
        if (agent is null) return Fail(WriteResult.NotFound("Agent not found."));

        Conversation? conversation = null;
        Contact? contact;
        string from;
        if (c.ConversationId is { } conversationId)
        {
            conversation = await db.Conversations.Include(x => x.Contact)
                .FirstOrDefaultAsync(x => x.Id == conversationId && x.AgentId == agent.Id, ct);
            if (conversation is null) return Fail(WriteResult.NotFound("Conversation not found."));
            contact = conversation.Contact;
            from = conversation.AgentNumber;
        }
        else
        {
            if (!phones.TryNormalize(c.ToPhone, out var to, out var error)) return Fail(WriteResult.Invalid(error));
            if (agent.PrimaryNumber is not { } primary)
                return Fail(WriteResult.Invalid("You have no Twilio number to text from yet. An admin can add one in Settings."));
            from = primary;
            contact = await db.Contacts.FirstOrDefaultAsync(x => x.AgentId == agent.Id && x.Phone == to, ct);
            // Checked before anything is created: a refused text leaves no trace but the reason.
            if (Refusal(c, contact, to, now) is { } refused) return Fail(refused);
            contact ??= InboxWrites.NewContact(db, agent.Id, to, now);
            conversation = await InboxWrites.FindOrCreateConversationAsync(db, agent.Id, from, contact, now, ct);
        }
        if (Refusal(c, contact, contact.Phone, now) is { } refusal) return Fail(refusal);

        var decision = Decide(c, contact, contact.Phone, now);
        var dueAt = decision.HoldUntil ?? c.SendAt ?? now;
        var message = new Message
        {
            Conversation = conversation, AgentId = conversation.AgentId, Contact = contact, Direction = MessageDirection.Outbound, Body = body, Purpose = c.Purpose,
            Status = dueAt > now ? MessageStatus.Scheduled : MessageStatus.Queued,
            ScheduledFor = dueAt > now ? dueAt : null, CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        db.Outbox.Add(new OutboxItem { Message = message, SenderNumber = from, Priority = c.Priority, DueAt = dueAt, CreatedAt = now });
        if (c.RequestsConsent) contact.ConsentRequestedAt = now;
        conversation.Touch(message);
        conversation.UnreadCount = 0; // replying to a thread reads it

        return (events, unread) =>
        {
            events.Add(new ThreadChanged(agent.Id, InboxWrites.Summary(conversation), MessageView.From(message), unread.GetValueOrDefault(agent.Id)));
            return new WriteResult(WriteOutcome.Done, ConversationId: conversation.Id,
                Outbound: new OutboundSms(message.Id, from, contact.Phone, body));
        };
    }

    private GateDecision Decide(QueueOutbound c, Contact? contact, string phone, DateTimeOffset now) =>
        gate.Decide(new GateRequest(c.Purpose, contact?.DisplayName ?? phone, phone, contact?.TimeZone,
            contact?.ConsentState ?? ContactConsentState.Transactional, now));

    private WriteResult? Refusal(QueueOutbound c, Contact? contact, string phone, DateTimeOffset now) =>
        Decide(c, contact, phone, now) is { Verdict: GateVerdict.Refuse } d ? WriteResult.Refused(d.Code!, d.Reason!) : null;
}

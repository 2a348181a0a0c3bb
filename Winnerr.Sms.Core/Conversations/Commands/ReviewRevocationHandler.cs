namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Confirm opts the contact out (source and the message recorded) and, if enabled, queues the one
/// non-marketing confirmation the FCC allows; dismiss clears the flag. Both are kept on the record.
/// </summary>
public sealed class ReviewRevocationHandler(IOptions<ComplianceOptions> options) : CommandHandler<ReviewRevocation>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ReviewRevocation c, WriteBatch batch, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(x => x.Id == c.ContactId && x.AgentId == c.AgentId, ct);
        if (contact is null) return Fail(WriteResult.NotFound("Contact not found."));
        if (contact.RevocationFlaggedAt is null) return Fail(WriteResult.Invalid("There is no flagged text to review."));
        var flagged = await db.Messages.Include(m => m.Conversation)
            .Where(m => m.ContactId == contact.Id && m.FlaggedRevocation)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        var quote = flagged is null ? "" : $" (\"{Clip(flagged.Body)}\")";
        var now = batch.Now;
        contact.RevocationFlaggedAt = null;
        Message? confirmation = null;
        if (c.Confirm)
        {
            contact.RecordConsent(ConsentStatus.OptedOut, "revoked in own words", now);
            db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "consent", Text = Clip($"Opted out: asked to stop in their own words{quote}; confirmed by the agent") });
            if (options.Value.SendRevocationConfirmation && flagged is not null && !contact.IsKeywordOptOut)
                confirmation = await QueueConfirmationAsync(db, c.AgentId, flagged.Conversation, contact, now, ct);
        }
        else
        {
            db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "revocation", Text = Clip($"Reviewed{quote}: not a request to stop texting") });
        }
        var conversations = await db.Conversations.Include(x => x.Contact).Where(x => x.ContactId == contact.Id && x.AgentId == c.AgentId).ToListAsync(ct);
        return (events, unread) =>
        {
            foreach (var conversation in conversations)
                events.Add(new ThreadChanged(c.AgentId, InboxWrites.Summary(conversation),
                    confirmation?.ConversationId == conversation.Id ? MessageView.From(confirmation) : null, unread.GetValueOrDefault(c.AgentId)));
            events.Add(new ContactChanged(c.AgentId, contact.Id));
            return new WriteResult(WriteOutcome.Done, ConversationId: flagged?.ConversationId);
        };
    }

    private async Task<Message> QueueConfirmationAsync(SmsDbContext db, long agentId, Conversation conversation, Contact contact, DateTimeOffset now, CancellationToken ct)
    {
        var agentName = await db.Agents.Where(a => a.Id == agentId).Select(a => a.Name).FirstAsync(ct);
        var message = new Message
        {
            Conversation = conversation, AgentId = conversation.AgentId, Contact = contact, Direction = MessageDirection.Outbound, Purpose = TextPurpose.OptOutConfirmation,
            Body = options.Value.RevocationConfirmationText.Replace("{{agent_name}}", agentName, StringComparison.Ordinal),
            Status = MessageStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        db.Outbox.Add(new OutboxItem { Message = message, SenderNumber = conversation.AgentNumber, Priority = OutboxPriority.OneToOne, DueAt = now, CreatedAt = now });
        conversation.Touch(message);
        return message;
    }

    private static string Clip(string text) => text.Length <= 400 ? text : text[..400] + "…";
}

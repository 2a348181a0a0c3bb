namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>What several handlers do the same way: find or create threads, set statuses, describe rows.</summary>
internal static class InboxWrites
{
    public static IQueryable<Message> WithConversation(SmsDbContext db) =>
        db.Messages.Include(m => m.Conversation).Include(m => m.Contact);

    /// <summary>Keeps the thread's last-message status (the list's failed marker) in step with the message.</summary>
    public static void Follow(Message message)
    {
        var c = message.Conversation;
        if (c is not null && c.LastMessageAt == message.CreatedAt && c.LastMessageDirection == message.Direction) c.LastMessageStatus = message.Status;
    }

    public static void SetStatus(Message message, string status, int? errorCode, string? providerMessage, DateTimeOffset now)
    {
        message.Status = status;
        message.UpdatedAt = now;
        Follow(message);
        if (MessageStatus.IsFailure(status))
        {
            message.ErrorCode = errorCode;
            message.ErrorMessage = TwilioErrors.Describe(errorCode, providerMessage);
        }
    }

    public static Completion StatusChanged(Message message) => (events, _) =>
    {
        events.Add(new MessageStatusChanged(message.Conversation.AgentId ?? InboxEvent.Unassigned, MessageView.From(message)));
        return WriteResult.Ok;
    };

    /// <summary>A message's status and its thread's row (the preview's failed marker, the opt-out state) changed.</summary>
    /// <param name="pausedCampaign">The message's campaign, when this change paused it.</param>
    public static Completion StatusAndThreadChanged(Message message, Campaign? pausedCampaign = null) => (events, unread) =>
    {
        var agent = message.Conversation.AgentId ?? InboxEvent.Unassigned;
        events.Add(new MessageStatusChanged(agent, MessageView.From(message)));
        events.Add(new ThreadChanged(agent, Summary(message.Conversation), null, unread.GetValueOrDefault(agent)));
        if (pausedCampaign is not null) events.Add(new CampaignChanged(pausedCampaign.AgentId, pausedCampaign.Id));
        return WriteResult.Ok;
    };

    public static async Task<Contact> FindOrCreateContactAsync(SmsDbContext db, long agentId, string phone, DateTimeOffset now, CancellationToken ct) =>
        await db.Contacts.FirstOrDefaultAsync(x => x.AgentId == agentId && x.Phone == phone, ct)
        ?? NewContact(db, agentId, phone, now);

    public static async Task<Conversation> FindOrCreateConversationAsync(SmsDbContext db, long agentId, string agentNumber, Contact contact, DateTimeOffset now, CancellationToken ct)
    {
        Conversation? conversation = null;
        if (contact.Id != 0)
            conversation = await db.Conversations.FirstOrDefaultAsync(x => x.AgentNumber == agentNumber && x.ContactId == contact.Id, ct);
        return conversation ?? NewConversation(db, agentId, agentNumber, contact, now);
    }

    /// <summary>Unknown numbers become contacts named by their number until the agent names them.</summary>
    public static Contact NewContact(SmsDbContext db, long? agentId, string phone, DateTimeOffset now)
    {
        var contact = UnknownContact(agentId, phone, now);
        db.Contacts.Add(contact);
        return contact;
    }

    public static Conversation NewConversation(SmsDbContext db, long? agentId, string agentNumber, Contact contact, DateTimeOffset now)
    {
        var conversation = NewThread(agentId, agentNumber, contact, now);
        db.Conversations.Add(conversation);
        return conversation;
    }

    /// <summary>The contact an unknown number becomes, not yet stored.</summary>
    public static Contact UnknownContact(long? agentId, string phone, DateTimeOffset now) => new() { AgentId = agentId, Phone = phone, CreatedAt = now };

    /// <summary>A new thread with the contact, not yet stored.</summary>
    public static Conversation NewThread(long? agentId, string agentNumber, Contact contact, DateTimeOffset now) =>
        new() { AgentId = agentId, AgentNumber = agentNumber, Contact = contact, ContactId = contact.Id, LastMessageAt = now };

    public static ThreadSummary Summary(Conversation c) => new(
        c.Id, c.Contact.Id, c.Contact.DisplayName, c.Contact.Phone, c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.Contact.IsOptedOut,
        c.Contact.ConsentState, c.NeedsReply, c.LastMessageDirection, c.LastMessageStatus);
}

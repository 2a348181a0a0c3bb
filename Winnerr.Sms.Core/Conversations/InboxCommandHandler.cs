namespace Winnerr.Sms.Core.Conversations;

/// <summary>
/// Applies inbox commands to one DbContext. Each command answers with a function that builds its
/// result and events once the batch is saved (ids exist only then).
/// </summary>
public sealed class InboxCommandHandler(PhoneNumberNormalizer phones, TimeProvider clock)
{
    /// <summary>Twilio refuses bodies over 1,600 characters (error 21617).</summary>
    public const int MaxBodyLength = 1600;

    public delegate WriteResult Completion(ICollection<InboxEvent> events, IReadOnlyDictionary<long, int> unreadByAgent);

    private static readonly Completion Unchanged = (_, _) => WriteResult.Ok;

    /// <summary>Applies a batch in order. Inbound texts share up-front lookups: a few queries per batch, not several per text.</summary>
    public async Task<IReadOnlyList<Completion>> ApplyBatchAsync(SmsDbContext db, IReadOnlyList<InboxCommand> commands, CancellationToken ct)
    {
        var inbound = commands.OfType<ReceiveSms>().ToList();
        var lookups = inbound.Count == 0 ? null : await PrefetchAsync(db, inbound, ct);
        var completions = new List<Completion>(commands.Count);
        foreach (var command in commands) completions.Add(await ApplyAsync(db, command, lookups, ct));
        return completions;
    }

    /// <summary>What a batch of inbound texts needs, loaded at once: number owners, SIDs already stored, the senders' contacts and threads.</summary>
    /// <remarks>Own dictionaries rather than DbSet.Local: every Local access runs DetectChanges over the whole batch.</remarks>
    private sealed record Lookups(
        Dictionary<string, long> OwnerByNumber,
        HashSet<string> KnownSids,
        Dictionary<(long? AgentId, string Phone), Contact> Contacts,
        Dictionary<(Contact Contact, string AgentNumber), Conversation> Conversations,
        Dictionary<string, string> Normalized);

    private async Task<Lookups> PrefetchAsync(SmsDbContext db, List<ReceiveSms> inbound, CancellationToken ct)
    {
        var owners = await db.AgentNumbers.AsNoTracking().ToDictionaryAsync(n => n.PhoneNumber, n => n.AgentId, ct);
        var sids = inbound.Select(c => c.MessageSid).Distinct().ToList();
        var known = await db.Messages.Where(m => sids.Contains(m.Sid!)).Select(m => m.Sid!).ToListAsync(ct);
        // Parsing a number is the costliest step per text; a batch's replies come from few numbers to fewer.
        var normalized = new Dictionary<string, string>();
        foreach (var raw in inbound.SelectMany(c => new[] { c.From, c.To }).Distinct())
            normalized[raw] = NormalizeSender(raw);
        var senders = inbound.Select(c => normalized[c.From]).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => senders.Contains(c.Phone)).ToListAsync(ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var conversations = await db.Conversations.Where(c => contactIds.Contains(c.ContactId)).ToListAsync(ct);
        return new Lookups(owners, known.ToHashSet(),
            contacts.ToDictionary(c => (c.AgentId, c.Phone)),
            conversations.ToDictionary(c => (c.Contact, c.AgentNumber)),
            normalized);
    }

    private string NormalizeSender(string from) => phones.TryNormalize(from, out var e164, out _) ? e164 : from.Trim();

    private Task<Completion> ApplyAsync(SmsDbContext db, InboxCommand command, Lookups? lookups, CancellationToken ct) => command switch
    {
        ReceiveSms c => Task.FromResult(Receive(db, c, lookups!)),
        ApplyStatus c => ApplyStatusAsync(db, c, ct),
        QueueOutbound c => QueueOutboundAsync(db, c, ct),
        RecordSendOutcome c => RecordOutcomeAsync(db, c, ct),
        RetryOutbound c => RetryAsync(db, c, ct),
        MarkConversationRead c => MarkReadAsync(db, c, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown inbox command"),
    };

    private Completion Receive(SmsDbContext db, ReceiveSms c, Lookups lookups)
    {
        // Twilio retries webhooks; a SID already stored (or earlier in this batch) is a no-op.
        if (!lookups.KnownSids.Add(c.MessageSid)) return (_, _) => new WriteResult(WriteOutcome.Duplicate);

        // The agent who owns the number texted. A number nobody owns still keeps the text (AgentId null):
        // it waits in the admins' Unassigned list rather than being lost or shown to the wrong agent.
        var to = lookups.Normalized[c.To];
        long? owner = lookups.OwnerByNumber.TryGetValue(to, out var agentId) ? agentId : null;

        var from = lookups.Normalized[c.From];
        var now = clock.GetUtcNow();
        if (!lookups.Contacts.TryGetValue((owner, from), out var contact))
            lookups.Contacts[(owner, from)] = contact = NewContact(db, owner, from, now);
        if (!lookups.Conversations.TryGetValue((contact, to), out var conversation))
            lookups.Conversations[(contact, to)] = conversation = NewConversation(db, owner, to, contact, now);

        var (kind, keyword) = OptOutKeywords.Match(c.Body);
        var message = new Message
        {
            Conversation = conversation, Contact = contact, Direction = MessageDirection.Inbound,
            Body = c.Body, Status = MessageStatus.Received, Sid = c.MessageSid, Keyword = keyword,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        conversation.Touch(message);
        conversation.UnreadCount++;

        // START restores transactional texting only: marketing consent revoked by STOP needs a fresh opt-in.
        var consent = kind switch
        {
            KeywordKind.OptOut => ConsentStatus.OptedOut,
            KeywordKind.OptIn => ConsentStatus.TransactionalOnly,
            _ => (ConsentStatus?)null,
        };
        if (consent is { } status && contact.RecordConsent(status, $"keyword {keyword}", now, keyword))
            db.ContactEvents.Add(new ContactEvent
            {
                Contact = contact, At = now, Kind = "consent",
                Text = status == ConsentStatus.OptedOut ? $"Opted out by texting {keyword}" : $"Opted back in by texting {keyword} (transactional only)",
            });
        contact.DeletedAt = null; // a deleted contact who texts again is back in People

        return (events, unread) =>
        {
            var channel = owner ?? InboxEvent.Unassigned;
            events.Add(new ThreadChanged(channel, Summary(conversation), MessageView.From(message), unread.GetValueOrDefault(channel)));
            return new WriteResult(WriteOutcome.Done, ConversationId: conversation.Id);
        };
    }

    private async Task<Completion> ApplyStatusAsync(SmsDbContext db, ApplyStatus c, CancellationToken ct)
    {
        if (!MessageStatus.IsKnown(c.Status)) return Fail(WriteResult.Invalid($"Unknown MessageStatus \"{c.Status}\"."));

        Message? message = null;
        if (c.MessageId is { } id)
        {
            message = await WithConversation(db).FirstOrDefaultAsync(m => m.Id == id, ct);
            // A callback for an earlier attempt of a message that has since been retried: stale.
            if (message is { Sid: not null } && message.Sid != c.MessageSid) return Unchanged;
        }
        message ??= await WithConversation(db).FirstOrDefaultAsync(m => m.Sid == c.MessageSid, ct);
        if (message is null) return Fail(WriteResult.NotFound($"No message with SID {c.MessageSid}."));

        message.Sid ??= c.MessageSid;
        if (!MessageStatus.CanAdvance(message.Status, c.Status)) return Unchanged;
        SetStatus(message, c.Status.ToLowerInvariant(), c.ErrorCode, c.ErrorMessage);
        return StatusChanged(message);
    }

    private async Task<Completion> QueueOutboundAsync(SmsDbContext db, QueueOutbound c, CancellationToken ct)
    {
        var body = c.Body.TrimEnd();
        if (string.IsNullOrWhiteSpace(body)) return Fail(WriteResult.Invalid("Type a message first."));
        if (body.Length > MaxBodyLength)
            return Fail(WriteResult.Invalid($"A text can be at most {MaxBodyLength:N0} characters; this one has {body.Length:N0}."));

        var agent = await db.Agents.Include(a => a.Numbers).FirstOrDefaultAsync(a => a.Id == c.AgentId, ct);
        if (agent is null) return Fail(WriteResult.NotFound("Agent not found."));

        var now = clock.GetUtcNow();
        Conversation? conversation;
        if (c.ConversationId is { } conversationId)
        {
            conversation = await db.Conversations.Include(x => x.Contact)
                .FirstOrDefaultAsync(x => x.Id == conversationId && x.AgentId == agent.Id, ct);
            if (conversation is null) return Fail(WriteResult.NotFound("Conversation not found."));
        }
        else
        {
            if (!phones.TryNormalize(c.ToPhone, out var to, out var error)) return Fail(WriteResult.Invalid(error));
            if (agent.PrimaryNumber is not { } from)
                return Fail(WriteResult.Invalid("You have no Twilio number to text from yet. An admin can add one in Settings."));
            var contact = await FindOrCreateContactAsync(db, agent.Id, to, now, ct);
            conversation = await FindOrCreateConversationAsync(db, agent.Id, from, contact, now, ct);
        }

        var message = new Message
        {
            Conversation = conversation, Contact = conversation.Contact, Direction = MessageDirection.Outbound,
            Body = body, Status = MessageStatus.Queued, CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        conversation.Touch(message);
        conversation.UnreadCount = 0; // replying to a thread reads it

        return (events, unread) =>
        {
            events.Add(new ThreadChanged(agent.Id, Summary(conversation), MessageView.From(message), unread.GetValueOrDefault(agent.Id)));
            return new WriteResult(WriteOutcome.Done, ConversationId: conversation.Id,
                Outbound: new OutboundSms(message.Id, conversation.AgentNumber, conversation.Contact.Phone, body));
        };
    }

    private async Task<Completion> RecordOutcomeAsync(SmsDbContext db, RecordSendOutcome c, CancellationToken ct)
    {
        var message = await WithConversation(db).FirstOrDefaultAsync(m => m.Id == c.MessageId, ct);
        if (message is null) return Fail(WriteResult.NotFound("Message not found."));

        if (c.Sid is null)
        {
            SetStatus(message, MessageStatus.Failed, c.ErrorCode, c.ErrorMessage);
            return StatusChanged(message);
        }
        message.Sid ??= c.Sid;
        if (c.Status is null || !MessageStatus.CanAdvance(message.Status, c.Status)) return Unchanged;
        SetStatus(message, c.Status, c.ErrorCode, c.ErrorMessage);
        return StatusChanged(message);
    }

    private async Task<Completion> RetryAsync(SmsDbContext db, RetryOutbound c, CancellationToken ct)
    {
        var message = await WithConversation(db)
            .FirstOrDefaultAsync(m => m.Id == c.MessageId && m.Conversation.AgentId == c.AgentId, ct);
        if (message is null) return Fail(WriteResult.NotFound("Message not found."));
        if (message.Direction != MessageDirection.Outbound || !MessageStatus.IsFailure(message.Status))
            return Fail(WriteResult.Invalid("Only a failed message can be retried."));

        message.Status = MessageStatus.Queued;
        message.Sid = null;
        message.ErrorCode = null;
        message.ErrorMessage = null;
        message.UpdatedAt = clock.GetUtcNow();
        return (events, _) =>
        {
            events.Add(new MessageStatusChanged(c.AgentId, MessageView.From(message)));
            return new WriteResult(WriteOutcome.Done, ConversationId: message.ConversationId,
                Outbound: new OutboundSms(message.Id, message.Conversation.AgentNumber, message.Contact.Phone, message.Body));
        };
    }

    private async Task<Completion> MarkReadAsync(SmsDbContext db, MarkConversationRead c, CancellationToken ct)
    {
        var conversation = await db.Conversations.Include(x => x.Contact)
            .FirstOrDefaultAsync(x => x.Id == c.ConversationId && x.AgentId == c.AgentId, ct);
        if (conversation is null) return Fail(WriteResult.NotFound("Conversation not found."));
        if (conversation.UnreadCount == 0) return Unchanged;
        conversation.UnreadCount = 0;
        return (events, unread) =>
        {
            events.Add(new ThreadChanged(c.AgentId, Summary(conversation), null, unread.GetValueOrDefault(c.AgentId)));
            return WriteResult.Ok;
        };
    }

    private void SetStatus(Message message, string status, int? errorCode, string? providerMessage)
    {
        message.Status = status;
        message.UpdatedAt = clock.GetUtcNow();
        if (MessageStatus.IsFailure(status))
        {
            message.ErrorCode = errorCode;
            message.ErrorMessage = TwilioErrors.Describe(errorCode, providerMessage);
        }
    }

    private static Completion StatusChanged(Message message) => (events, _) =>
    {
        events.Add(new MessageStatusChanged(message.Conversation.AgentId ?? InboxEvent.Unassigned, MessageView.From(message)));
        return WriteResult.Ok;
    };

    private static Completion Fail(WriteResult result) => (_, _) => result;

    private static IQueryable<Message> WithConversation(SmsDbContext db) =>
        db.Messages.Include(m => m.Conversation).Include(m => m.Contact);

    private static async Task<Contact> FindOrCreateContactAsync(SmsDbContext db, long agentId, string phone, DateTimeOffset now, CancellationToken ct) =>
        await db.Contacts.FirstOrDefaultAsync(x => x.AgentId == agentId && x.Phone == phone, ct)
        ?? NewContact(db, agentId, phone, now);

    private static async Task<Conversation> FindOrCreateConversationAsync(SmsDbContext db, long agentId, string agentNumber, Contact contact, DateTimeOffset now, CancellationToken ct)
    {
        Conversation? conversation = null;
        if (contact.Id != 0)
            conversation = await db.Conversations.FirstOrDefaultAsync(x => x.AgentNumber == agentNumber && x.ContactId == contact.Id, ct);
        return conversation ?? NewConversation(db, agentId, agentNumber, contact, now);
    }

    /// <summary>Unknown numbers become contacts named by their number until the agent names them.</summary>
    private static Contact NewContact(SmsDbContext db, long? agentId, string phone, DateTimeOffset now)
    {
        var contact = new Contact { AgentId = agentId, Phone = phone, CreatedAt = now };
        db.Contacts.Add(contact);
        return contact;
    }

    private static Conversation NewConversation(SmsDbContext db, long? agentId, string agentNumber, Contact contact, DateTimeOffset now)
    {
        var conversation = new Conversation { AgentId = agentId, AgentNumber = agentNumber, Contact = contact, LastMessageAt = now };
        db.Conversations.Add(conversation);
        return conversation;
    }

    internal static ThreadSummary Summary(Conversation c) => new(
        c.Id, c.Contact.Id, c.Contact.DisplayName, c.Contact.Phone, c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.Contact.IsOptedOut);
}

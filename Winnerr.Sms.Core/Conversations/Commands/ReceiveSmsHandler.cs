using System.Globalization;

namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Stores an inbound text in its thread, once per SID, and applies opt-out keywords and revocations.</summary>
/// <remarks>
/// The busiest write there is (thousands of webhooks a second), so it writes its rows directly
/// (<see cref="RowWriter"/>) rather than through EF's change tracker: the same entities and rules, a
/// fraction of the CPU on the single writer.
/// </remarks>
public sealed class ReceiveSmsHandler(PhoneNumberNormalizer phones, IOptions<ComplianceOptions> compliance) : CommandHandler<ReceiveSms>
{
    public override bool WritesDirectly => true;

    // Counters are written as increments, so texts stored by another node meanwhile still count.
    private static readonly IReadOnlySet<string> Counters = new HashSet<string> { nameof(Conversation.UnreadCount) };

    /// <summary>What a run of inbound texts needs, loaded at once: number owners, SIDs already stored, the senders' contacts and threads, and how those rows were read.</summary>
    private sealed record Lookups(
        Dictionary<string, long> OwnerByNumber,
        HashSet<string> KnownSids,
        Dictionary<(long? AgentId, string Phone), Contact> Contacts,
        Dictionary<(Contact Contact, string AgentNumber), Conversation> Conversations,
        Dictionary<string, string> Normalized,
        RowWriter Rows,
        Dictionary<object, RowWriter.Snapshot> Read);

    // Compiled once: building and looking up these queries cost more CPU than running them, batch after batch.
    private static readonly Func<SmsDbContext, IAsyncEnumerable<AgentNumber>> Numbers =
        EF.CompileAsyncQuery((SmsDbContext db) => db.AgentNumbers.AsNoTracking());
    private static readonly Func<SmsDbContext, List<string>, IAsyncEnumerable<string>> StoredSids =
        EF.CompileAsyncQuery((SmsDbContext db, List<string> sids) => db.Messages.Where(m => sids.Contains(m.Sid!)).Select(m => m.Sid!));
    // Contacts are unique per (agent, phone): looked up by both, one index seek per sender.
    private static readonly Func<SmsDbContext, long, List<string>, IAsyncEnumerable<Contact>> AgentContacts =
        EF.CompileAsyncQuery((SmsDbContext db, long agentId, List<string> phones) => db.Contacts.AsNoTracking().Where(c => c.AgentId == agentId && phones.Contains(c.Phone)));
    private static readonly Func<SmsDbContext, List<string>, IAsyncEnumerable<Contact>> UnassignedContacts =
        EF.CompileAsyncQuery((SmsDbContext db, List<string> phones) => db.Contacts.AsNoTracking().Where(c => c.AgentId == null && phones.Contains(c.Phone)));
    private static readonly Func<SmsDbContext, List<long>, IAsyncEnumerable<Conversation>> Threads =
        EF.CompileAsyncQuery((SmsDbContext db, List<long> contactIds) => db.Conversations.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)));

    protected override async Task PrepareAsync(SmsDbContext db, IReadOnlyList<ReceiveSms> inbound, WriteBatch batch, CancellationToken ct)
    {
        var owners = new Dictionary<string, long>();
        await foreach (var number in Numbers(db).WithCancellation(ct)) owners[number.PhoneNumber] = number.AgentId;
        var known = new HashSet<string>();
        await foreach (var sid in StoredSids(db, inbound.Select(c => c.MessageSid).Distinct().ToList()).WithCancellation(ct)) known.Add(sid);
        // Parsing a number is the costliest step per text; a batch's replies come from few numbers to fewer.
        var normalized = new Dictionary<string, string>();
        foreach (var raw in inbound.SelectMany(c => new[] { c.From, c.To }).Distinct())
            normalized[raw] = phones.TryNormalize(raw, out var e164, out _) ? e164 : raw.Trim();
        var contacts = new List<Contact>();
        foreach (var group in inbound.GroupBy(c => owners.TryGetValue(normalized[c.To], out var owner) ? owner : (long?)null))
        {
            var senders = group.Select(c => normalized[c.From]).Distinct().ToList();
            var found = group.Key is { } agentId ? AgentContacts(db, agentId, senders) : UnassignedContacts(db, senders);
            await foreach (var contact in found.WithCancellation(ct)) contacts.Add(contact);
        }
        var contactsById = contacts.ToDictionary(c => c.Id);
        var contactIds = contactsById.Keys.ToList();
        var conversations = new List<Conversation>();
        await foreach (var conversation in Threads(db, contactIds).WithCancellation(ct)) conversations.Add(conversation);
        var rows = new RowWriter(db);
        var read = new Dictionary<object, RowWriter.Snapshot>(ReferenceEqualityComparer.Instance);
        foreach (var contact in contacts) read[contact] = rows.Take(contact);
        foreach (var conversation in conversations)
        {
            conversation.Contact = contactsById[conversation.ContactId];
            read[conversation] = rows.Take(conversation);
        }
        batch.Set(new Lookups(owners, known,
            contacts.ToDictionary(c => (c.AgentId, c.Phone)),
            conversations.ToDictionary(c => (c.Contact, c.AgentNumber)),
            normalized, rows, read));
    }

    protected override Task<Completion> ApplyAsync(SmsDbContext db, ReceiveSms c, WriteBatch batch, CancellationToken ct) =>
        ReceiveAsync(c, batch, batch.Get<Lookups>(), compliance.Value, ct);

    /// <summary>Writes what the run changed on contacts and threads that existed before it or were created in it.</summary>
    public override async Task FlushAsync(SmsDbContext db, WriteBatch batch, CancellationToken ct)
    {
        var lookups = batch.Get<Lookups>();
        foreach (var contact in lookups.Contacts.Values) await lookups.Rows.UpdateChangedAsync(contact, lookups.Read[contact], ct: ct);
        foreach (var conversation in lookups.Conversations.Values) await lookups.Rows.UpdateChangedAsync(conversation, lookups.Read[conversation], Counters, ct);
        await lookups.Rows.DisposeAsync();
    }

    private static async Task<Completion> ReceiveAsync(ReceiveSms c, WriteBatch batch, Lookups lookups, ComplianceOptions rules, CancellationToken ct)
    {
        var now = batch.Now;
        // Twilio retries webhooks; a SID already stored (or earlier in this batch) is a no-op.
        if (!lookups.KnownSids.Add(c.MessageSid)) return (_, _) => new WriteResult(WriteOutcome.Duplicate);

        // The agent who owns the number texted. A number nobody owns still keeps the text (AgentId null):
        // it waits in the admins' Unassigned list rather than being lost or shown to the wrong agent.
        var to = lookups.Normalized[c.To];
        long? owner = lookups.OwnerByNumber.TryGetValue(to, out var agentId) ? agentId : null;
        if (owner is { } id) batch.Agents.Add(id);

        var rows = lookups.Rows;
        var from = lookups.Normalized[c.From];
        if (!lookups.Contacts.TryGetValue((owner, from), out var contact))
        {
            lookups.Contacts[(owner, from)] = contact = InboxWrites.UnknownContact(owner, from, now);
            await rows.InsertAsync(contact, ct);
            lookups.Read[contact] = rows.Take(contact);
        }
        if (!lookups.Conversations.TryGetValue((contact, to), out var conversation))
        {
            lookups.Conversations[(contact, to)] = conversation = InboxWrites.NewThread(owner, to, contact, now);
            await rows.InsertAsync(conversation, ct);
            lookups.Read[conversation] = rows.Take(conversation);
        }
        var events = new List<ContactEvent>();

        var (kind, keyword) = OptOutKeywords.Match(c.Body);
        var message = new Message
        {
            Conversation = conversation, ConversationId = conversation.Id, AgentId = owner, Contact = contact, ContactId = contact.Id, Direction = MessageDirection.Inbound,
            Body = c.Body, Status = MessageStatus.Received, Sid = c.MessageSid, Keyword = keyword,
            CreatedAt = now, UpdatedAt = now,
        };
        conversation.Touch(message);
        // After STOP the agent may not answer at all, so the thread waits for no reply.
        if (kind == KeywordKind.OptOut) conversation.NeedsReply = false;
        conversation.UnreadCount++;
        contact.LastInboundAt = now;

        // START restores transactional texting only: marketing consent revoked by STOP needs a fresh opt-in.
        var consent = kind switch
        {
            KeywordKind.OptOut => ConsentStatus.OptedOut,
            KeywordKind.OptIn => ConsentStatus.TransactionalOnly,
            _ => (ConsentStatus?)null,
        };
        if (consent is { } status && contact.RecordConsent(status, $"keyword {keyword}", now, keyword))
            events.Add(new ContactEvent
            {
                ContactId = contact.Id, At = now, Kind = "consent",
                Text = status == ConsentStatus.OptedOut ? $"Opted out by texting {keyword}" : $"Opted back in by texting {keyword} (transactional only)",
            });
        if (kind != KeywordKind.None) contact.RevocationFlaggedAt = null;

        if (kind != KeywordKind.OptOut && ConsentReply.AnswersRequest(c.Body, contact.ConsentRequestedAt, now, rules.ConsentRequestWindow))
        {
            var asked = contact.ConsentRequestedAt!.Value;
            contact.RecordConsent(ConsentStatus.MarketingOptIn, string.Create(CultureInfo.InvariantCulture, $"replied YES to request on {asked.UtcDateTime:MMM d}"), now);
            contact.ConsentRequestedAt = null;
            events.Add(new ContactEvent
            {
                ContactId = contact.Id, At = now, Kind = "consent",
                Text = string.Create(CultureInfo.InvariantCulture, $"Marketing consent: replied \"{Clip(c.Body.Trim())}\" to the consent request of {asked.UtcDateTime:MMM d}"),
            });
        }

        // FCC: consent can be revoked in any reasonable words. Those are not Twilio keywords, so Twilio
        // does nothing: flag them for the agent to confirm, and hold marketing meanwhile.
        var flagged = kind == KeywordKind.None && !contact.IsOptedOut && contact.RevocationFlaggedAt is null && RevocationDetector.IsRevocation(c.Body);
        if (flagged)
        {
            contact.RevocationFlaggedAt = now;
            message.FlaggedRevocation = true;
            events.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "revocation", Text = $"Flagged for review: \"{Clip(c.Body)}\" may revoke consent" });
        }
        contact.DeletedAt = null; // a deleted contact who texts again is back in People

        await rows.InsertAsync(message, ct);
        foreach (var e in events) await rows.InsertAsync(e, ct);

        return (events, unread) =>
        {
            var channel = owner ?? InboxEvent.Unassigned;
            events.Add(new ThreadChanged(channel, InboxWrites.Summary(conversation), MessageView.From(message), unread.GetValueOrDefault(channel)));
            return new WriteResult(WriteOutcome.Done, ConversationId: conversation.Id);
        };
    }

    private static string Clip(string body) => body.Length <= 120 ? body : body[..120] + "…";
}

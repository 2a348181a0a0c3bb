namespace Winnerr.Sms.Core.Contacts;

public sealed class SaveContactHandler(PhoneNumberNormalizer phones) : CommandHandler<SaveContact>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SaveContact c, WriteBatch batch, CancellationToken ct)
    {
        var input = c.Input;
        if (ContactRules.Validate(phones, input, out var phone) is { } error) return Fail(WriteResult.Invalid(error));
        var now = batch.Now;
        Contact contact;
        if (c.ContactId is not { } id)
        {
            var existing = await db.Contacts.Include(x => x.Tags).FirstOrDefaultAsync(x => x.AgentId == c.AgentId && x.Phone == phone, ct);
            if (existing is { DeletedAt: null })
                return Fail(WriteResult.Invalid($"{existing.DisplayName} already has {phone}.") with { ContactId = existing.Id });
            if (existing is not null && ContactRules.KeywordOptOutBlocks(existing, input.Consent) is { } blocked)
                return Fail(WriteResult.Invalid(blocked) with { ContactId = existing.Id });
            // A deleted contact keeps their history; adding the number again brings them back.
            contact = existing ?? new Contact { AgentId = c.AgentId, Phone = phone, CreatedAt = now };
            if (existing is null) db.Contacts.Add(contact);
            contact.DeletedAt = null;
            ContactRules.Apply(contact, input, phone);
            contact.RecordConsent(input.Consent, input.ConsentSource ?? "entered by agent", now);
            db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "created", Text = existing is null ? "Contact created" : "Contact restored" });
        }
        else
        {
            var found = await db.Contacts.Include(x => x.Tags).FirstOrDefaultAsync(x => x.Id == id && x.AgentId == c.AgentId && x.DeletedAt == null, ct);
            if (found is null) return Fail(WriteResult.NotFound("Contact not found."));
            contact = found;
            if (phone != contact.Phone && await db.Contacts.Where(x => x.AgentId == c.AgentId && x.Phone == phone).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct) is { } other)
                return Fail(WriteResult.Invalid($"Another contact already has {phone}.") with { ContactId = other });
            if (ContactRules.KeywordOptOutBlocks(contact, input.Consent) is { } blocked) return Fail(WriteResult.Invalid(blocked));
            var before = ContactRules.Describe(contact);
            ContactRules.Apply(contact, input, phone);
            var changed = ContactRules.Changes(before, ContactRules.Describe(contact));
            if (changed.Length > 0) db.ContactEvents.Add(new ContactEvent { ContactId = id, At = now, Kind = "edited", Text = $"Edited {changed}" });
            // No source and the same status is an edit of something else (a name): the consent on record stands.
            var consentGiven = input.Consent != contact.Consent || input.ConsentSource is not null;
            if (consentGiven && contact.RecordConsent(input.Consent, input.ConsentSource ?? "changed by agent", now))
                db.ContactEvents.Add(new ContactEvent { ContactId = id, At = now, Kind = "consent", Text = $"Consent set to {ContactService.ConsentName(input.Consent)} ({contact.ConsentSource})" });
        }
        return await ContactWrites.ChangedAsync(db, c.AgentId, contact, ct);
    }
}

public sealed class DeleteContactHandler : CommandHandler<DeleteContact>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, DeleteContact c, WriteBatch batch, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(x => x.Id == c.ContactId && x.AgentId == c.AgentId && x.DeletedAt == null, ct);
        if (contact is null) return Fail(WriteResult.NotFound("Contact not found."));
        contact.DeletedAt = batch.Now;
        db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = batch.Now, Kind = "deleted", Text = "Contact deleted (texts kept)" });
        return await ContactWrites.ChangedAsync(db, c.AgentId, contact, ct);
    }
}

internal static class ContactWrites
{
    /// <summary>Every open page that shows the contact hears of it: their threads (name, opt-out) and People/profile.</summary>
    public static async Task<Completion> ChangedAsync(SmsDbContext db, long agentId, Contact contact, CancellationToken ct)
    {
        var conversations = contact.Id == 0 ? [] : await db.Conversations.Where(x => x.ContactId == contact.Id && x.AgentId == agentId).ToListAsync(ct);
        foreach (var conversation in conversations) conversation.Contact = contact;
        return (events, unread) =>
        {
            foreach (var conversation in conversations)
                events.Add(new ThreadChanged(agentId, InboxWrites.Summary(conversation), null, unread.GetValueOrDefault(agentId)));
            events.Add(new ContactChanged(agentId, contact.Id));
            return new WriteResult(WriteOutcome.Done, ContactId: contact.Id);
        };
    }
}

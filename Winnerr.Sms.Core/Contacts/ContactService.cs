using System.Net.Mail;

namespace Winnerr.Sms.Core.Contacts;

/// <summary>An agent's contacts: the People page, the profile and its record. Every call is scoped to one agent.</summary>
public sealed class ContactService(IDbContextFactory<SmsDbContext> dbFactory, PhoneNumberNormalizer phones, TimeProvider clock)
{
    public async Task<(IReadOnlyList<PersonRow> Rows, int Total)> SearchAsync(long agentId, PeopleFilter filter, int skip, int take,
        PeopleSort sort = PeopleSort.Name, bool descending = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, agentId, filter, ct);
        var total = await query.CountAsync(ct);
        query = (sort, descending) switch
        {
            (PeopleSort.Phone, false) => query.OrderBy(c => c.Phone),
            (PeopleSort.Phone, true) => query.OrderByDescending(c => c.Phone),
            (PeopleSort.Email, false) => query.OrderBy(c => c.Email).ThenBy(c => c.Id),
            (PeopleSort.Email, true) => query.OrderByDescending(c => c.Email).ThenBy(c => c.Id),
            (PeopleSort.Created, false) => query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (PeopleSort.Created, true) => query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            (_, false) => query.OrderBy(c => c.FirstName).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            (_, true) => query.OrderByDescending(c => c.FirstName).ThenByDescending(c => c.LastName).ThenBy(c => c.Id),
        };
        var rows = await query.Skip(skip).Take(take)
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.Phone, c.Email, c.Consent, c.ConsentSource, c.ConsentAt,
                Tags = c.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(r => new PersonRow(r.Id, Contact.NameOf(r.FirstName, r.LastName, r.Phone), r.Phone, r.Email, r.Tags, r.Consent, r.ConsentSource, r.ConsentAt)).ToList(), total);
    }

    /// <summary>Every contact the filter matches ("select all that match"), not just the page on screen.</summary>
    public async Task<IReadOnlyList<long>> MatchingIdsAsync(long agentId, PeopleFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await FilteredAsync(db, agentId, filter, ct)).Select(c => c.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> TagsAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContactTags.Where(t => db.Contacts.Any(c => c.Id == t.ContactId && c.AgentId == agentId && c.DeletedAt == null))
            .Select(t => t.Tag).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<ContactDetail?> GetAsync(long agentId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Tags)
            .FirstOrDefaultAsync(c => c.Id == id && c.AgentId == agentId && c.DeletedAt == null, ct);
        if (contact is null) return null;
        var conversationId = await db.Conversations.Where(c => c.ContactId == id && c.AgentId == agentId)
            .OrderByDescending(c => c.LastMessageAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return new ContactDetail(contact, contact.Tags.Select(t => t.Tag).OrderBy(t => t).ToList(), conversationId);
    }

    public async Task<ContactSaveResult> CreateAsync(long agentId, ContactInput input, CancellationToken ct = default)
    {
        if (Validate(input, out var phone) is { } error) return new ContactSaveResult(null, error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var existing = await db.Contacts.Include(c => c.Tags).FirstOrDefaultAsync(c => c.AgentId == agentId && c.Phone == phone, ct);
        if (existing is { DeletedAt: null })
            return new ContactSaveResult(null, $"{existing.DisplayName} already has {phone}.", existing.Id);

        if (existing is not null && KeywordOptOutBlocks(existing, input.Consent) is { } blocked) return new ContactSaveResult(null, blocked, existing.Id);
        // A deleted contact keeps their history; adding the number again brings them back.
        var contact = existing ?? new Contact { AgentId = agentId, Phone = phone, CreatedAt = now };
        if (existing is null) db.Contacts.Add(contact);
        contact.DeletedAt = null;
        Apply(contact, input, phone);
        contact.RecordConsent(input.Consent, input.ConsentSource ?? "entered by agent", now);
        db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "created", Text = existing is null ? "Contact created" : "Contact restored" });
        await db.SaveChangesAsync(ct);
        return new ContactSaveResult(contact.Id, null);
    }

    public async Task<ContactSaveResult> UpdateAsync(long agentId, long id, ContactInput input, CancellationToken ct = default)
    {
        if (Validate(input, out var phone) is { } error) return new ContactSaveResult(null, error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == id && c.AgentId == agentId && c.DeletedAt == null, ct);
        if (contact is null) return new ContactSaveResult(null, "Contact not found.");
        if (phone != contact.Phone && await db.Contacts.Where(c => c.AgentId == agentId && c.Phone == phone).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } other)
            return new ContactSaveResult(null, $"Another contact already has {phone}.", other);

        if (KeywordOptOutBlocks(contact, input.Consent) is { } blocked) return new ContactSaveResult(null, blocked);
        var now = clock.GetUtcNow();
        var before = Describe(contact);
        Apply(contact, input, phone);
        var changed = Changes(before, Describe(contact));
        if (changed.Length > 0) db.ContactEvents.Add(new ContactEvent { ContactId = id, At = now, Kind = "edited", Text = $"Edited {changed}" });
        if (contact.RecordConsent(input.Consent, input.ConsentSource ?? "changed by agent", now))
            db.ContactEvents.Add(new ContactEvent { ContactId = id, At = now, Kind = "consent", Text = $"Consent set to {ConsentName(input.Consent)} ({contact.ConsentSource})" });
        await db.SaveChangesAsync(ct);
        return new ContactSaveResult(id, null);
    }

    public async Task<bool> DeleteAsync(long agentId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id && c.AgentId == agentId && c.DeletedAt == null, ct);
        if (contact is null) return false;
        contact.DeletedAt = clock.GetUtcNow();
        db.ContactEvents.Add(new ContactEvent { ContactId = id, At = contact.DeletedAt.Value, Kind = "deleted", Text = "Contact deleted (texts kept)" });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Texts sent and received (with status) and the record's events, newest first.</summary>
    public async Task<(IReadOnlyList<TimelineEntry> Entries, bool HasMore)> TimelineAsync(long agentId, long id, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contacts.AnyAsync(c => c.Id == id && c.AgentId == agentId, ct)) return ([], false);
        var fetch = skip + take + 1;
        var messages = await db.Messages.AsNoTracking().Where(m => m.ContactId == id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(fetch)
            .Select(m => new TimelineEntry(m.Direction == MessageDirection.Inbound ? TimelineKind.Inbound : TimelineKind.Outbound,
                m.CreatedAt, m.Body, m.Status, m.ErrorCode, m.Id))
            .ToListAsync(ct);
        var events = await db.ContactEvents.AsNoTracking().Where(e => e.ContactId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(fetch)
            .Select(e => new TimelineEntry(TimelineKind.Event, e.At, e.Text, null, null, null))
            .ToListAsync(ct);
        var merged = messages.Concat(events).OrderByDescending(e => e.At).Skip(skip).Take(take + 1).ToList();
        return (merged.Take(take).ToList(), merged.Count > take);
    }

    internal static async Task<IQueryable<Contact>> FilteredAsync(SmsDbContext db, long agentId, PeopleFilter filter, CancellationToken ct)
    {
        var query = db.Contacts.AsNoTracking().Where(c => c.AgentId == agentId && c.DeletedAt == null);
        if (filter.Consent is { } consent) query = query.Where(c => c.Consent == consent);
        if (!string.IsNullOrWhiteSpace(filter.Tag)) query = query.Where(c => c.Tags.Any(t => t.Tag == filter.Tag));
        var term = filter.Search?.Trim();
        if (string.IsNullOrEmpty(term)) return query;
        // Look only where the term can be: a number in phones, an address in emails, words in names
        // and emails. Each branch is one scan of 50,000 rows at most, not all of them OR-ed.
        var pattern = $"%{term}%";
        var digits = new string(term.Where(char.IsDigit).ToArray());
        if (digits.Length >= 3 && !term.Any(char.IsLetter)) return query.Where(c => c.Phone.Contains(digits));
        if (term.Contains('@')) return query.Where(c => c.Email != null && EF.Functions.Like(c.Email, pattern));
        // A word that is one of the agent's tags also finds everyone so tagged; checking that first (one
        // indexed lookup) keeps a search for a non-tag word from probing the tags of every contact.
        if (await db.ContactTags.AnyAsync(t => t.Tag == term, ct))
            return query.Where(c => EF.Functions.Like(c.FirstName + " " + c.LastName, pattern)
                || (c.Email != null && EF.Functions.Like(c.Email, pattern))
                || db.ContactTags.Any(t => t.ContactId == c.Id && t.Tag == term));
        return query.Where(c => EF.Functions.Like(c.FirstName + " " + c.LastName, pattern)
            || (c.Email != null && EF.Functions.Like(c.Email, pattern)));
    }

    private string? Validate(ContactInput input, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(input.FirstName) && string.IsNullOrWhiteSpace(input.LastName)) return "Enter a first or last name.";
        if (input.FirstName.Trim().Length > 100 || input.LastName.Trim().Length > 100) return "Names can be at most 100 characters.";
        if (!phones.TryNormalize(input.Phone, out phone, out var error)) return error;
        if (!string.IsNullOrWhiteSpace(input.Email) && !IsEmail(input.Email.Trim())) return $"\"{input.Email.Trim()}\" is not a valid email address.";
        if (input.TimeZone is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) return $"Unknown time zone \"{zone}\".";
        return null;
    }

    /// <summary>
    /// A contact who texted STOP can only opt back in themselves (START): an agent may not override it
    /// (CTIA / carrier rules behind Twilio's opt-out handling).
    /// </summary>
    private static string? KeywordOptOutBlocks(Contact contact, ConsentStatus wanted) =>
        contact.IsOptedOut && wanted != ConsentStatus.OptedOut && contact.OptOutKeyword is { } keyword && OptOutKeywords.OptOut.Contains(keyword)
            ? $"{contact.DisplayName} opted out by texting {keyword}. Only they can opt back in, by texting START."
            : null;

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');

    private static void Apply(Contact contact, ContactInput input, string phone)
    {
        contact.FirstName = input.FirstName.Trim();
        contact.LastName = input.LastName.Trim();
        contact.Phone = phone;
        contact.Email = Blank(input.Email);
        contact.PropertyAddress = Blank(input.PropertyAddress);
        contact.ShowingAt = input.ShowingAt;
        contact.TimeZone = Blank(input.TimeZone);
        contact.Notes = Blank(input.Notes);
        var tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => t.Length > 40 ? t[..40] : t)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        contact.Tags.RemoveAll(t => !tags.Contains(t.Tag, StringComparer.OrdinalIgnoreCase));
        foreach (var tag in tags.Where(t => !contact.Tags.Any(x => x.Tag.Equals(t, StringComparison.OrdinalIgnoreCase))))
            contact.Tags.Add(new ContactTag { Tag = tag });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Dictionary<string, string?> Describe(Contact c) => new()
    {
        ["name"] = $"{c.FirstName} {c.LastName}", ["phone"] = c.Phone, ["email"] = c.Email, ["property address"] = c.PropertyAddress,
        ["showing time"] = c.ShowingAt?.ToString("O"), ["time zone"] = c.TimeZone, ["notes"] = c.Notes,
        ["tags"] = string.Join(",", c.Tags.Select(t => t.Tag).Order()),
    };

    private static string Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        string.Join(", ", before.Keys.Where(k => before[k] != after[k]));

    public static string ConsentName(ConsentStatus status) => status switch
    {
        ConsentStatus.MarketingOptIn => "marketing opt-in",
        ConsentStatus.TransactionalOnly => "transactional only",
        _ => "opted out",
    };
}


namespace Winnerr.Sms.Core.Contacts;

/// <summary>An agent's contacts: the People page, the profile and its record. Every call is scoped to one agent.</summary>
public sealed class ContactService(IDbContextFactory<SmsDbContext> dbFactory, InboxWriter writer)
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
            // Numbers nobody has named yet come after the people, whichever way names sort.
            (_, false) => query.OrderBy(c => c.FirstName == "" && c.LastName == "").ThenBy(c => c.FirstName).ThenBy(c => c.LastName).ThenBy(c => c.Id),
            (_, true) => query.OrderBy(c => c.FirstName == "" && c.LastName == "").ThenByDescending(c => c.FirstName).ThenByDescending(c => c.LastName).ThenBy(c => c.Id),
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

    // Writes go through the inbox's single writer, so the inbox, People and open profiles hear of them.
    public async Task<ContactSaveResult> CreateAsync(long agentId, ContactInput input, CancellationToken ct = default) =>
        ToSaveResult(await writer.ExecuteAsync(new SaveContact(agentId, null, input)));

    public async Task<ContactSaveResult> UpdateAsync(long agentId, long id, ContactInput input, CancellationToken ct = default) =>
        ToSaveResult(await writer.ExecuteAsync(new SaveContact(agentId, id, input)));

    public async Task<bool> DeleteAsync(long agentId, long id, CancellationToken ct = default) =>
        (await writer.ExecuteAsync(new DeleteContact(agentId, id))).Outcome == WriteOutcome.Done;

    private static ContactSaveResult ToSaveResult(WriteResult r) =>
        r.Outcome == WriteOutcome.Done ? new ContactSaveResult(r.ContactId, null) : new ContactSaveResult(null, r.Error, r.ContactId);

    /// <summary>Texts sent and received (with status) and the record's events, newest first.</summary>
    public async Task<(IReadOnlyList<TimelineEntry> Entries, bool HasMore)> TimelineAsync(long agentId, long id, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contacts.AnyAsync(c => c.Id == id && c.AgentId == agentId, ct)) return ([], false);
        var fetch = skip + take + 1;
        var messages = await db.Messages.AsNoTracking().Where(m => m.ContactId == id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(fetch)
            .Select(m => new TimelineEntry(m.Direction == MessageDirection.Inbound ? TimelineKind.Inbound : TimelineKind.Outbound,
                m.CreatedAt, m.Body, m.Status, m.ErrorCode, m.Id, m.CampaignId, m.Campaign != null ? m.Campaign.Name : null))
            .ToListAsync(ct);
        var events = await db.ContactEvents.AsNoTracking().Where(e => e.ContactId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(fetch)
            .Select(e => new TimelineEntry(e.Kind == "call" ? TimelineKind.Call : TimelineKind.Event, e.At, e.Text, null, null, null))
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

    public static string ConsentName(ConsentStatus status) => status switch
    {
        ConsentStatus.MarketingOptIn => "marketing opt-in",
        ConsentStatus.TransactionalOnly => "transactional only",
        _ => "opted out",
    };
}

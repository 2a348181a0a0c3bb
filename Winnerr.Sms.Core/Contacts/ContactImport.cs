using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Core.Contacts;

/// <summary>Applies a parsed CSV to an agent's contacts, and reads contacts back out for export.</summary>
public sealed class ContactImport(IDbContextFactory<SmsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// New numbers become contacts (consent: transactional only, source "import"); a number the agent already
    /// has is merged: empty fields filled, tags added, nothing overwritten. Every row is reported.
    /// </summary>
    public async Task<ImportReport> ImportAsync(long agentId, CsvParseResult parsed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var phones = parsed.Contacts.Select(c => c.Phone).ToList();
        var existing = await db.Contacts.Include(c => c.Tags)
            .Where(c => c.AgentId == agentId && phones.Contains(c.Phone))
            .ToDictionaryAsync(c => c.Phone, ct);
        var now = clock.GetUtcNow();
        int imported = 0, merged = parsed.DuplicatesInFile.Count;

        foreach (var row in parsed.Contacts)
        {
            if (existing.TryGetValue(row.Phone, out var contact))
            {
                Merge(contact, row);
                contact.DeletedAt = null;
                db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "edited", Text = "Merged from a CSV import" });
                merged++;
                continue;
            }
            contact = new Contact
            {
                AgentId = agentId, FirstName = row.FirstName, LastName = row.LastName, Phone = row.Phone, Email = row.Email,
                PropertyAddress = row.PropertyAddress, Notes = row.Notes, CreatedAt = now,
                Tags = row.Tags.Select(t => new ContactTag { Tag = t }).ToList(),
            };
            contact.RecordConsent(ConsentStatus.TransactionalOnly, "import", now);
            db.Contacts.Add(contact);
            db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "created", Text = "Imported from CSV" });
            existing[row.Phone] = contact;
            imported++;
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(imported, merged, parsed.Refused.Select(r => (r.Row, r.Reason)).OrderBy(r => r.Row).ToList());
    }

    public async Task<IReadOnlyList<ContactExportRow>> ExportAsync(long agentId, PeopleFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (await ContactService.FilteredAsync(db, agentId, filter, ct))
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName).ThenBy(c => c.Id)
            .Select(c => new { c.FirstName, c.LastName, c.Phone, c.Email, c.PropertyAddress, c.Notes, c.Consent, Tags = c.Tags.Select(t => t.Tag).ToList() })
            .ToListAsync(ct);
        return rows.Select(r => new ContactExportRow(r.FirstName, r.LastName, r.Phone, r.Email, r.PropertyAddress, r.Tags.Order().ToList(), r.Notes,
            ContactService.ConsentName(r.Consent))).ToList();
    }

    private static void Merge(Contact contact, ParsedContact row)
    {
        if (string.IsNullOrWhiteSpace(contact.FirstName) && string.IsNullOrWhiteSpace(contact.LastName))
            (contact.FirstName, contact.LastName) = (row.FirstName, row.LastName);
        contact.Email ??= row.Email;
        contact.PropertyAddress ??= row.PropertyAddress;
        contact.Notes ??= row.Notes;
        foreach (var tag in row.Tags.Where(t => !contact.Tags.Any(x => x.Tag.Equals(t, StringComparison.OrdinalIgnoreCase))))
            contact.Tags.Add(new ContactTag { Tag = tag });
    }
}

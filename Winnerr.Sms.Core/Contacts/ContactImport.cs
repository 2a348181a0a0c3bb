using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Core.Contacts;

/// <summary>Applies a parsed CSV to an agent's contacts, and reads contacts back out for export.</summary>
public sealed class ContactImport(IDbContextFactory<SmsDbContext> dbFactory, TimeProvider clock, IInboxEventPublisher events)
{
    /// <summary>
    /// New numbers become contacts (consent as the file states it, else transactional only, source "import"); a
    /// number the agent already has is merged: empty fields filled, tags added, nothing overwritten, and an
    /// import never turns an opted-out contact back on. Every row is reported.
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
                MergeConsent(db, contact, row.Consent, now);
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
            contact.RecordConsent(row.Consent?.Status ?? ConsentStatus.TransactionalOnly, Source(row.Consent), row.Consent?.At ?? now);
            if (row.Consent is { } stated)
                db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "consent", Text = $"Consent from import: {ContactService.ConsentName(stated.Status)} ({Source(stated)})" });
            db.Contacts.Add(contact);
            db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "created", Text = "Imported from CSV" });
            existing[row.Phone] = contact;
            imported++;
        }
        await db.SaveChangesAsync(ct);
        // People, profiles and threads of merged contacts reload; one event, not one per row.
        events.Publish(new ContactChanged(agentId, ContactChanged.Many));
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
            CsvConsent(r.Consent))).ToList();
    }

    /// <summary>The words the import reads back, so an export round-trips.</summary>
    private static string CsvConsent(ConsentStatus status) => status switch
    {
        ConsentStatus.MarketingOptIn => "marketing",
        ConsentStatus.TransactionalOnly => "transactional",
        _ => "opted-out",
    };

    private static string Source(ImportedConsent? consent) => consent?.Source is { Length: > 0 } s ? $"import: {s}" : "import";

    /// <summary>Consent a file states for a known contact: an opt-out is recorded; an import never undoes one.</summary>
    private static void MergeConsent(SmsDbContext db, Contact contact, ImportedConsent? consent, DateTimeOffset now)
    {
        if (consent is null || consent.Status == contact.Consent) return;
        if (contact.IsOptedOut)
        {
            db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "consent", Text = $"Kept opted out: an import said {ContactService.ConsentName(consent.Status)}" });
            return;
        }
        contact.RecordConsent(consent.Status, Source(consent), consent.At ?? now);
        db.ContactEvents.Add(new ContactEvent { Contact = contact, At = now, Kind = "consent", Text = $"Consent from import: {ContactService.ConsentName(consent.Status)} ({Source(consent)})" });
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

namespace Winnerr.Sms.Core.Dialer.Commands;

public sealed class StartDialerSessionHandler : CommandHandler<StartDialerSession>
{
    public const int MaxContacts = 5_000;

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, StartDialerSession c, WriteBatch batch, CancellationToken ct)
    {
        var ids = c.ContactIds.Distinct().ToList();
        if (ids.Count == 0) return Fail(WriteResult.Invalid("Pick at least one contact to call."));
        if (ids.Count > MaxContacts) return Fail(WriteResult.Invalid($"A session can hold at most {MaxContacts:N0} contacts."));
        var contacts = (await db.Contacts.Where(x => x.AgentId == c.AgentId && ids.Contains(x.Id)).ToListAsync(ct)).ToDictionary(x => x.Id);
        var ordered = ids.Where(contacts.ContainsKey).Select(id => contacts[id]).ToList();
        if (ordered.Count == 0) return Fail(WriteResult.NotFound("None of those contacts were found."));

        var now = batch.Now;
        var ended = await db.DialerSessions.Where(s => s.AgentId == c.AgentId && s.EndedAt == null).ToListAsync(ct);
        foreach (var old in ended) old.EndedAt = now;

        var session = new DialerSession { AgentId = c.AgentId, Source = c.Source.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, 100)] : "People", StartedAt = now };
        var position = 0;
        foreach (var contact in ordered)
        {
            var skip = DialerRules.SkipReason(contact);
            session.Entries.Add(new DialerEntry { Position = position++, Contact = contact, ContactId = contact.Id,
                State = skip is null ? DialerEntryState.Pending : DialerEntryState.Skipped, SkipReason = skip });
        }
        db.DialerSessions.Add(session);
        // SaveChanges gives the entries ids; the current one is set after the commit would be too late, so save now.
        await db.SaveChangesAsync(ct);
        session.CurrentEntryId = session.Entries.OrderBy(e => e.Position).FirstOrDefault(e => e.State == DialerEntryState.Pending)?.Id;
        if (session.CurrentEntryId is null) session.EndedAt = now;

        return (events, _) =>
        {
            c.Created.Id = session.Id;
            foreach (var old in ended) events.Add(new DialerChanged(c.AgentId, old.Id, null));
            events.Add(new DialerChanged(c.AgentId, session.Id, null));
            return WriteResult.Ok;
        };
    }
}

namespace Winnerr.Sms.Core.Dialer.Commands;

public sealed class PlaceDialerCallHandler : CommandHandler<PlaceDialerCall>
{
    public static readonly TimeSpan MaxCallLength = TimeSpan.FromHours(4);

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, PlaceDialerCall c, WriteBatch batch, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(x => x.Id == c.ContactId && x.AgentId == c.AgentId, ct);
        if (contact is null) return Fail(WriteResult.NotFound("Contact not found."));
        if (DialerRules.SkipReason(contact) is { } reason) return Fail(WriteResult.Refused("dialer-skip", $"{contact.DisplayName} is not to be called: {reason.ToLowerInvariant()}."));
        var final = CallStatuses.Final.ToList();
        // A call whose last callbacks were lost must not block the dialer for good.
        var live = batch.Now - MaxCallLength;
        if (await db.DialerCalls.AnyAsync(x => x.AgentId == c.AgentId && !final.Contains(x.Status) && x.CreatedAt > live, ct))
            return Fail(WriteResult.Refused("dialer-busy", "A call is still going. Hang up first."));
        if (c.SessionId is { } sessionId && !await db.DialerEntries.AnyAsync(e => e.Id == c.EntryId && e.SessionId == sessionId && e.ContactId == contact.Id, ct))
            return Fail(WriteResult.NotFound("That contact is not in your session."));

        var call = new DialerCall
        {
            AgentId = c.AgentId, ContactId = contact.Id, SessionId = c.SessionId, EntryId = c.EntryId,
            From = c.From, To = contact.Phone, Status = CallStatuses.Queued, CreatedAt = batch.Now,
        };
        db.DialerCalls.Add(call);
        return (events, _) =>
        {
            c.Created.Id = call.Id;
            events.Add(new DialerChanged(c.AgentId, c.SessionId, call.Id));
            return WriteResult.Ok;
        };
    }
}

public sealed class RecordCallStartedHandler : CommandHandler<RecordCallStarted>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, RecordCallStarted c, WriteBatch batch, CancellationToken ct)
    {
        var call = await db.DialerCalls.Include(x => x.ContactEvent).FirstOrDefaultAsync(x => x.Id == c.CallId, ct);
        if (call is null) return Fail(WriteResult.NotFound("Call not found."));
        if (c.Error is { } error)
        {
            if (CallStatuses.IsFinal(call.Status)) return Unchanged;
            call.Status = CallStatuses.Failed;
            call.Error = error.Length <= 500 ? error : error[..500];
            call.EndedAt = batch.Now;
            return DialerWrites.Changed(call, DialerWrites.SyncRecord(db, call));
        }
        call.AgentCallSid ??= c.AgentCallSid;
        return DialerWrites.Changed(call, false);
    }
}

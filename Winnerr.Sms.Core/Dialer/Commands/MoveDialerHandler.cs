namespace Winnerr.Sms.Core.Dialer.Commands;

public sealed class MoveDialerHandler : CommandHandler<MoveDialer>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, MoveDialer c, WriteBatch batch, CancellationToken ct)
    {
        var session = await DialerWrites.ActiveSessionAsync(db, c.AgentId, c.SessionId, ct);
        if (session is null) return Fail(WriteResult.NotFound("That dialer session has ended."));
        var entries = session.Entries.OrderBy(e => e.Position).ToList();
        var current = entries.FirstOrDefault(e => e.Id == session.CurrentEntryId);
        if (current is { State: DialerEntryState.Pending }) current.State = DialerEntryState.Done;

        DialerEntry? next;
        if (c.ToEntryId is { } to)
        {
            next = entries.FirstOrDefault(e => e.Id == to && e.State != DialerEntryState.Skipped);
            if (next is null) return Fail(WriteResult.NotFound("That contact is not in the queue."));
        }
        else
        {
            next = null;
            foreach (var e in entries.Where(e => e.State == DialerEntryState.Pending && (current is null || e.Position > current.Position)))
            {
                // Contacts opted out or marked do-not-call since the session started are skipped now.
                if (e.Contact is { } contact && DialerRules.SkipReason(contact) is { } reason)
                {
                    e.State = DialerEntryState.Skipped;
                    e.SkipReason = reason;
                    continue;
                }
                next = e;
                break;
            }
        }
        session.CurrentEntryId = next?.Id;
        if (next is null) session.EndedAt = batch.Now;
        return DialerWrites.SessionChanged(session);
    }
}

public sealed class EndDialerSessionHandler : CommandHandler<EndDialerSession>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, EndDialerSession c, WriteBatch batch, CancellationToken ct)
    {
        var session = await db.DialerSessions.FirstOrDefaultAsync(s => s.Id == c.SessionId && s.AgentId == c.AgentId && s.EndedAt == null, ct);
        if (session is null) return Fail(WriteResult.NotFound("That dialer session has ended."));
        session.EndedAt = batch.Now;
        return DialerWrites.SessionChanged(session);
    }
}

public sealed class SetAutoAdvanceHandler : CommandHandler<SetAutoAdvance>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SetAutoAdvance c, WriteBatch batch, CancellationToken ct)
    {
        var session = await db.DialerSessions.FirstOrDefaultAsync(s => s.Id == c.SessionId && s.AgentId == c.AgentId && s.EndedAt == null, ct);
        if (session is null) return Fail(WriteResult.NotFound("That dialer session has ended."));
        if (session.AutoAdvance == c.On) return Unchanged;
        session.AutoAdvance = c.On;
        return DialerWrites.SessionChanged(session);
    }
}

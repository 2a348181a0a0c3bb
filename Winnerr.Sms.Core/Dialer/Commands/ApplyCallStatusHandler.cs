namespace Winnerr.Sms.Core.Dialer.Commands;

/// <summary>
/// Voice status callbacks, idempotent on CallSid and never moving a call backwards. The agent leg only shows until
/// the contact is dialled (queued, ringing the agent's phone); from then on the contact leg is the call's state. An
/// agent leg that ends before any contact leg means the contact was never dialled.
/// </summary>
public sealed class ApplyCallStatusHandler : CommandHandler<ApplyCallStatus>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ApplyCallStatus c, WriteBatch batch, CancellationToken ct)
    {
        var call = await FindAsync(db, c, ct);
        if (call is null) return Fail(WriteResult.NotFound("Unknown call."));
        var now = batch.Now;
        var changed = false;

        if (c.Leg == CallLeg.Agent)
        {
            if (call.AgentCallSid is null && c.CallSid.Length > 0) { call.AgentCallSid = c.CallSid; changed = true; }
            if (call.ContactCallSid is null && CallStatuses.Normalize(c.Status) is { } agentStatus)
            {
                // Twilio rings the agent first; once the agent answers, the contact leg's callbacks take over.
                var shown = agentStatus switch
                {
                    CallStatuses.Queued or CallStatuses.Ringing => agentStatus,
                    CallStatuses.InProgress => null,
                    CallStatuses.Failed => CallStatuses.Failed,
                    _ => CallStatuses.Canceled,
                };
                changed |= Advance(call, shown, now);
            }
        }
        else
        {
            if (call.ContactCallSid is null && c.CallSid.Length > 0) { call.ContactCallSid = c.CallSid; changed = true; }
            changed |= Advance(call, c.Status, now);
            if (c.AnsweredBy is { Length: > 0 } answeredBy && call.AnsweredBy is null)
            {
                call.AnsweredBy = answeredBy.Length <= 32 ? answeredBy : answeredBy[..32];
                changed = true;
            }
        }
        if (c.DurationSeconds is { } duration && CallStatuses.IsFinal(call.Status) && call.DurationSeconds != duration && c.Leg == CallLeg.Contact)
        {
            call.DurationSeconds = duration;
            changed = true;
        }
        if (!changed) return Unchanged;
        // A call that ended on the agent's side before the contact was dialled says nothing about the contact.
        if (CallStatuses.IsFinal(call.Status))
            call.SuggestedOutcome = call.ContactCallSid is null && c.Leg == CallLeg.Agent ? null : CallOutcomes.Suggest(call.Status, call.AnsweredBy, call.DurationSeconds);
        return DialerWrites.Changed(call, DialerWrites.SyncRecord(db, call));
    }

    private static bool Advance(DialerCall call, string? status, DateTimeOffset now)
    {
        if (CallStatuses.Advance(call.Status, status) is not { } next) return false;
        call.Status = next;
        if (next == CallStatuses.InProgress) call.AnsweredAt ??= now;
        if (CallStatuses.IsFinal(next))
        {
            call.EndedAt = now;
            if (call.DurationSeconds is null && call.AnsweredAt is { } answered) call.DurationSeconds = (int)(now - answered).TotalSeconds;
        }
        return true;
    }

    /// <summary>By our id (it is in the signed callback URL), checked against the SIDs already known; else by SID.</summary>
    private static async Task<DialerCall?> FindAsync(SmsDbContext db, ApplyCallStatus c, CancellationToken ct)
    {
        var query = db.DialerCalls.Include(x => x.ContactEvent);
        if (c.CallId is { } id)
        {
            var call = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (call is null) return null;
            var known = c.Leg == CallLeg.Agent ? call.AgentCallSid : call.ContactCallSid;
            // The Dial action has no DialCallSid when no leg was created; the signed URL's id is enough then.
            return known is null || c.CallSid.Length == 0 || known == c.CallSid ? call : null;
        }
        if (c.CallSid.Length == 0) return null;
        return c.Leg == CallLeg.Agent
            ? await query.FirstOrDefaultAsync(x => x.AgentCallSid == c.CallSid, ct)
            : await query.FirstOrDefaultAsync(x => x.ContactCallSid == c.CallSid, ct);
    }
}

namespace Winnerr.Sms.Core.Dialer.Commands;

/// <summary>What the dialer's handlers share: loading an agent's call, keeping its line on the contact's record.</summary>
internal static class DialerWrites
{
    public static Task<DialerCall?> CallAsync(SmsDbContext db, long agentId, long callId, CancellationToken ct) =>
        db.DialerCalls.Include(c => c.Contact).Include(c => c.ContactEvent).FirstOrDefaultAsync(c => c.Id == callId && c.AgentId == agentId, ct);

    public static Task<DialerSession?> ActiveSessionAsync(SmsDbContext db, long agentId, long sessionId, CancellationToken ct) =>
        db.DialerSessions.Include(s => s.Entries).ThenInclude(e => e.Contact)
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.AgentId == agentId && s.EndedAt == null, ct);

    /// <summary>A call is on the contact's record once it has ended (or has an outcome); the line follows later changes.</summary>
    /// <returns>True when the record changed.</returns>
    public static bool SyncRecord(SmsDbContext db, DialerCall call)
    {
        if (!CallStatuses.IsFinal(call.Status) && call.Outcome is null) return false;
        var text = RecordText(call);
        if (call.ContactEvent is { } existing)
        {
            if (existing.Text == text) return false;
            existing.Text = text;
            return true;
        }
        call.ContactEvent = new ContactEvent { ContactId = call.ContactId, At = call.CreatedAt, Kind = "call", Text = text };
        db.ContactEvents.Add(call.ContactEvent);
        return true;
    }

    /// <summary>"Call · No answer · 0:00 · Notes: … · Follow-up: “…”", within the record's 500 characters.</summary>
    public static string RecordText(DialerCall call)
    {
        var outcome = call.Outcome is { } o ? CallOutcomes.Label(o)
            : call.SuggestedOutcome is { } s ? $"{CallOutcomes.Label(s)} (suggested)"
            : call.Error is not null ? "Could not be placed" : call.Status;
        var parts = new List<string> { "Call", outcome, CallStatuses.Duration(call.DurationSeconds ?? 0) };
        if (!string.IsNullOrWhiteSpace(call.FollowUpBody)) parts.Add($"Follow-up: “{call.FollowUpBody}”");
        if (!string.IsNullOrWhiteSpace(call.Notes)) parts.Insert(3, $"Notes: {call.Notes.Trim()}");
        var text = string.Join(" · ", parts);
        return text.Length <= 500 ? text : text[..499] + "…";
    }

    public static Completion Changed(DialerCall call, bool recordChanged) => (events, _) =>
    {
        events.Add(new DialerChanged(call.AgentId, call.SessionId, call.Id));
        if (recordChanged) events.Add(new ContactChanged(call.AgentId, call.ContactId));
        return WriteResult.Ok;
    };

    public static Completion SessionChanged(DialerSession session) => (events, _) =>
    {
        events.Add(new DialerChanged(session.AgentId, session.Id, null));
        return WriteResult.Ok;
    };
}

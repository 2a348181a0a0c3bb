namespace Winnerr.Sms.Core.Dialer.Commands;

/// <summary>
/// The agent confirms or changes a call's outcome. Do-not-call marks the contact do-not-call and takes away marketing
/// consent (transactional texts, such as a follow-up, stay allowed); changing the outcome away again lifts the mark.
/// </summary>
public sealed class SetCallOutcomeHandler : CommandHandler<SetCallOutcome>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SetCallOutcome c, WriteBatch batch, CancellationToken ct)
    {
        if (!CallOutcomes.IsKnown(c.Outcome)) return Fail(WriteResult.Invalid($"Unknown outcome '{c.Outcome}'."));
        var call = await DialerWrites.CallAsync(db, c.AgentId, c.CallId, ct);
        if (call is null) return Fail(WriteResult.NotFound("Call not found."));
        if (call.Outcome == c.Outcome) return Unchanged;
        var contact = call.Contact!;
        var now = batch.Now;
        var contactChanged = false;
        if (c.Outcome == CallOutcomes.DoNotCall && contact.DoNotCallAt is null)
        {
            contact.DoNotCallAt = now;
            db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "consent", Text = "Marked do-not-call from the dialer" });
            if (contact.Consent == ConsentStatus.MarketingOptIn && contact.RecordConsent(ConsentStatus.TransactionalOnly, "do-not-call", now))
                db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "consent", Text = "Opted out of marketing texts: asked not to be called" });
            contactChanged = true;
        }
        else if (call.Outcome == CallOutcomes.DoNotCall && contact.DoNotCallAt is not null)
        {
            contact.DoNotCallAt = null;
            db.ContactEvents.Add(new ContactEvent { ContactId = contact.Id, At = now, Kind = "consent", Text = "Do-not-call lifted (outcome changed in the dialer)" });
            contactChanged = true;
        }
        call.Outcome = c.Outcome;
        var recordChanged = DialerWrites.SyncRecord(db, call) | contactChanged;
        return DialerWrites.Changed(call, recordChanged);
    }
}

public sealed class SaveCallNotesHandler : CommandHandler<SaveCallNotes>
{
    public const int MaxLength = 2000;

    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SaveCallNotes c, WriteBatch batch, CancellationToken ct)
    {
        if (c.Notes.Length > MaxLength) return Fail(WriteResult.Invalid($"Notes can be at most {MaxLength:N0} characters."));
        var call = await DialerWrites.CallAsync(db, c.AgentId, c.CallId, ct);
        if (call is null) return Fail(WriteResult.NotFound("Call not found."));
        var notes = string.IsNullOrWhiteSpace(c.Notes) ? null : c.Notes;
        if (call.Notes == notes) return Unchanged;
        call.Notes = notes;
        return DialerWrites.Changed(call, DialerWrites.SyncRecord(db, call));
    }
}

public sealed class RecordFollowUpHandler : CommandHandler<RecordFollowUp>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, RecordFollowUp c, WriteBatch batch, CancellationToken ct)
    {
        var call = await DialerWrites.CallAsync(db, c.AgentId, c.CallId, ct);
        if (call is null) return Fail(WriteResult.NotFound("Call not found."));
        call.FollowUpMessageId = c.MessageId;
        call.FollowUpBody = c.Body;
        return DialerWrites.Changed(call, DialerWrites.SyncRecord(db, call));
    }
}

using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Dialer;

public sealed record DialerResult(bool Ok, string? Error = null, long? Id = null)
{
    public static readonly DialerResult Done = new(true);
    public static DialerResult From(WriteResult r, long? id = null) => r.Outcome is WriteOutcome.Done or WriteOutcome.Duplicate ? new(true, null, id) : new(false, r.Error);
}

/// <summary>
/// What the dialer page asks for. Every change goes through the single writer (so open pages hear of it); the
/// provider is called only after the call is stored, and the follow-up text goes through the send pipeline.
/// </summary>
public sealed class DialerService(
    InboxWriter writer,
    ICallProvider calls,
    OutboundSmsService sms,
    Templates.TemplateService templates,
    DialerQueries queries,
    IDbContextFactory<SmsDbContext> dbFactory,
    ILogger<DialerService> logger)
{
    public async Task<DialerResult> StartAsync(long agentId, string source, IReadOnlyList<long> contactIds)
    {
        var command = new StartDialerSession(agentId, source, contactIds);
        var result = await writer.ExecuteAsync(command);
        return DialerResult.From(result, command.Created.Id);
    }

    /// <summary>The agent's contacts with this tag (or all, when null), in People's order: name, then id.</summary>
    public async Task<IReadOnlyList<long>> ContactsTaggedAsync(long agentId, string? tag, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Contacts.AsNoTracking().Where(c => c.AgentId == agentId && c.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(tag)) query = query.Where(c => c.Tags.Any(t => t.Tag == tag));
        return await query.OrderBy(c => c.FirstName).ThenBy(c => c.LastName).ThenBy(c => c.Id).Select(c => c.Id)
            .Take(StartDialerSessionHandler.MaxContacts).ToListAsync(ct);
    }

    /// <summary>Stores the call, then asks the provider to ring the agent; a refusal ends the call with the reason.</summary>
    public async Task<DialerResult> CallAsync(long agentId, long sessionId, long entryId, CancellationToken ct = default)
    {
        long contactId;
        string to;
        string? from, agentPhone;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var entry = await db.DialerEntries.AsNoTracking()
                .Where(e => e.Id == entryId && e.SessionId == sessionId && db.DialerSessions.Any(s => s.Id == sessionId && s.AgentId == agentId && s.EndedAt == null))
                .Select(e => new { e.ContactId, e.Contact!.Phone }).FirstOrDefaultAsync(ct);
            if (entry is null) return new DialerResult(false, "That contact is not in your session.");
            (contactId, to) = (entry.ContactId, entry.Phone);
            from = await db.AgentNumbers.Where(n => n.AgentId == agentId).OrderBy(n => n.Id).Select(n => n.PhoneNumber).FirstOrDefaultAsync(ct);
            agentPhone = await db.DialerSettings.Where(s => s.AgentId == agentId).Select(s => s.AgentPhone).FirstOrDefaultAsync(ct);
        }
        if (from is null) return new DialerResult(false, "You have no Twilio number to call from yet. An admin can add one in Settings.");

        var place = new PlaceDialerCall(agentId, contactId, from, sessionId, entryId);
        var stored = await writer.ExecuteAsync(place);
        if (stored.Outcome != WriteOutcome.Done) return DialerResult.From(stored);
        var callId = place.Created.Id;

        CallPlaced placed;
        try
        {
            placed = await calls.PlaceAsync(new CallRequest(callId, from, to, agentPhone), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Placing call {CallId} failed", callId);
            placed = CallPlaced.Refused("The call could not be placed: " + ex.Message);
        }
        await writer.ExecuteAsync(new RecordCallStarted(callId, placed.AgentCallSid, placed.Error));
        return placed.Error is null ? new DialerResult(true, null, callId) : new DialerResult(false, placed.Error, callId);
    }

    public async Task<DialerResult> HangUpAsync(long agentId, long callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.DialerCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.AgentId == agentId, ct);
        if (call is null) return new DialerResult(false, "Call not found.");
        if (CallStatuses.IsFinal(call.Status)) return DialerResult.Done;
        var error = await calls.HangUpAsync(call, ct);
        return error is null ? DialerResult.Done : new DialerResult(false, error);
    }

    public async Task<DialerResult> SetOutcomeAsync(long agentId, long callId, string outcome) =>
        DialerResult.From(await writer.ExecuteAsync(new SetCallOutcome(agentId, callId, outcome)));

    public async Task<DialerResult> SaveNotesAsync(long agentId, long callId, string notes) =>
        DialerResult.From(await writer.ExecuteAsync(new SaveCallNotes(agentId, callId, notes)));

    /// <summary>The follow-up for <paramref name="outcome"/>, rendered for the call's contact; null text when there is none.</summary>
    public async Task<(string? Text, string? Error)> FollowUpAsync(long agentId, string agentName, long contactId, string outcome, CancellationToken ct = default)
    {
        var body = await queries.FollowUpBodyAsync(agentId, outcome, ct);
        if (body is null) return (null, null);
        return await templates.RenderAsync(agentId, agentName, body, contactId, null, ct);
    }

    /// <summary>A transactional text through the send pipeline: the compliance gate still refuses an opted-out contact, with why.</summary>
    public async Task<DialerResult> SendFollowUpAsync(long agentId, long callId, string body, CancellationToken ct = default)
    {
        string to;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var call = await db.DialerCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId && c.AgentId == agentId, ct);
            if (call is null) return new DialerResult(false, "Call not found.");
            if (call.FollowUpMessageId is not null) return new DialerResult(false, "The follow-up for this call was already sent.");
            to = call.To;
        }
        var queued = await sms.SendToNumberAsync(agentId, to, body);
        if (queued.Outcome != WriteOutcome.Done || queued.Outbound is not { } outbound) return DialerResult.From(queued);
        await writer.ExecuteAsync(new RecordFollowUp(agentId, callId, outbound.MessageId, body.Trim()));
        return new DialerResult(true, null, outbound.MessageId);
    }

    public async Task<DialerResult> NextAsync(long agentId, long sessionId, long? toEntryId = null) =>
        DialerResult.From(await writer.ExecuteAsync(new MoveDialer(agentId, sessionId, toEntryId)));

    public async Task<DialerResult> EndAsync(long agentId, long sessionId) =>
        DialerResult.From(await writer.ExecuteAsync(new EndDialerSession(agentId, sessionId)));

    public async Task<DialerResult> SetAutoAdvanceAsync(long agentId, long sessionId, bool on) =>
        DialerResult.From(await writer.ExecuteAsync(new SetAutoAdvance(agentId, sessionId, on)));

    public async Task<DialerResult> SaveSettingsAsync(long agentId, string? agentPhone, bool machineDetection, IReadOnlyList<FollowUpChoice> followUps) =>
        DialerResult.From(await writer.ExecuteAsync(new SaveDialerSettings(agentId, agentPhone, machineDetection, followUps)));
}

namespace Winnerr.Sms.Core.Dialer;

/// <summary>The dialer's read side: an agent's latest session with its current contact and call.</summary>
public sealed class DialerQueries(IDbContextFactory<SmsDbContext> dbFactory)
{
    private const int RecentTexts = 4;
    private const int RecentCalls = 5;

    /// <summary>The active session, else the one that ended last (for its summary); null when the agent has none.</summary>
    public async Task<DialerView?> LatestAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DialerSessions.AsNoTracking().Where(s => s.AgentId == agentId)
            .OrderBy(s => s.EndedAt == null ? 0 : 1).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (session is null) return null;

        var entries = await db.DialerEntries.AsNoTracking().Where(e => e.SessionId == session.Id).OrderBy(e => e.Position)
            .Select(e => new { e.Id, e.Position, e.ContactId, e.Contact!.FirstName, e.Contact.LastName, e.Contact.Phone, e.State, e.SkipReason })
            .ToListAsync(ct);
        var calls = await db.DialerCalls.AsNoTracking().Where(c => c.SessionId == session.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var lastByEntry = calls.Where(c => c.EntryId is not null).GroupBy(c => c.EntryId!.Value).ToDictionary(g => g.Key, g => g.Last());
        var queue = entries.Select(e => new QueueItem(e.Id, e.Position, e.ContactId, Contact.NameOf(e.FirstName, e.LastName, e.Phone), e.Phone, e.State,
            e.SkipReason, lastByEntry.TryGetValue(e.Id, out var last) ? last.Outcome ?? last.SuggestedOutcome : null)).ToList();

        DialerContact? card = null;
        CallView? callView = null;
        if (session.EndedAt is null && entries.FirstOrDefault(e => e.Id == session.CurrentEntryId) is { } current)
        {
            card = await CardAsync(db, agentId, current.ContactId, ct);
            if (lastByEntry.TryGetValue(current.Id, out var call)) callView = await CallViewAsync(db, call, ct);
        }
        return new DialerView(session.Id, session.Source, session.StartedAt, session.EndedAt, session.AutoAdvance, queue, session.CurrentEntryId,
            card, callView, Summarize(entries.Count, entries.Count(e => e.State == DialerEntryState.Skipped), calls));
    }

    public async Task<DialerSettingsView> SettingsAsync(long agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.DialerSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AgentId == agentId, ct) ?? new DialerSettings { AgentId = agentId };
        var mapping = await db.DialerFollowUps.AsNoTracking().Where(f => f.AgentId == agentId).ToListAsync(ct);
        return new DialerSettingsView(settings.AgentPhone, settings.MachineDetection, FollowUpTemplates.Choices(mapping));
    }

    /// <summary>The template body mapped to <paramref name="outcome"/> for this agent (see <see cref="FollowUpTemplates.BodyFor"/>).</summary>
    public async Task<string?> FollowUpBodyAsync(long agentId, string outcome, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mapping = await db.DialerFollowUps.AsNoTracking().Where(f => f.AgentId == agentId && f.Outcome == outcome).ToListAsync(ct);
        var ids = mapping.Select(m => m.TemplateId).OfType<long>().ToList();
        var templates = await db.Templates.AsNoTracking().Where(t => ids.Contains(t.Id) && (t.AgentId == agentId || t.AgentId == null))
            .ToDictionaryAsync(t => t.Id, t => t.Body, ct);
        return FollowUpTemplates.BodyFor(outcome, mapping, templates);
    }

    public static DialerSummary Summarize(int contacts, int skipped, IReadOnlyCollection<DialerCall> calls) => new(
        contacts, skipped, calls.Count(c => c.Error is null),
        calls.Count(c => CallOutcomes.IsConversation(c.Outcome ?? c.SuggestedOutcome)),
        calls.Count(c => c.Outcome == CallOutcomes.AppointmentSet),
        calls.Count(c => c.FollowUpMessageId is not null));

    private static async Task<DialerContact?> CardAsync(SmsDbContext db, long agentId, long contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.AgentId == agentId, ct);
        if (contact is null) return null;
        var texts = await db.Messages.AsNoTracking().Where(m => m.ContactId == contactId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(RecentTexts)
            .Select(m => new TextLine(m.Direction, m.Body, m.CreatedAt, m.Status)).ToListAsync(ct);
        var calls = await db.DialerCalls.AsNoTracking().Where(c => c.ContactId == contactId && c.AgentId == agentId)
            .OrderByDescending(c => c.Id).Take(RecentCalls)
            .Select(c => new PastCall(c.Id, c.CreatedAt, c.Status, c.Outcome ?? c.SuggestedOutcome, c.DurationSeconds, c.Notes, c.FollowUpBody)).ToListAsync(ct);
        var conversationId = await db.Conversations.Where(c => c.ContactId == contactId && c.AgentId == agentId)
            .OrderByDescending(c => c.LastMessageAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return new DialerContact(contact.Id, contact.DisplayName, contact.Phone, contact.PropertyAddress, contact.ShowingAt, contact.TimeZone, contact.Notes,
            texts, calls, conversationId, DialerRules.SkipReason(contact));
    }

    private static async Task<CallView> CallViewAsync(SmsDbContext db, DialerCall call, CancellationToken ct)
    {
        var followUp = call.FollowUpMessageId is { } mid
            ? await db.Messages.Where(m => m.Id == mid).Select(m => new { m.Status, Accepted = m.Sid != null }).FirstOrDefaultAsync(ct)
            : null;
        return new CallView(call.Id, call.Status, call.AnsweredBy, call.DurationSeconds, call.SuggestedOutcome, call.Outcome, call.Notes,
            call.FollowUpMessageId, call.FollowUpBody, followUp?.Status, call.Error, call.AnsweredAt, followUp?.Accepted ?? false);
    }
}

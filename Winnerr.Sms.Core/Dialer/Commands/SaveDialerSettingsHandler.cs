namespace Winnerr.Sms.Core.Dialer.Commands;

public sealed class SaveDialerSettingsHandler(PhoneNumberNormalizer phones) : CommandHandler<SaveDialerSettings>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, SaveDialerSettings c, WriteBatch batch, CancellationToken ct)
    {
        string? agentPhone = null;
        if (!string.IsNullOrWhiteSpace(c.AgentPhone))
        {
            if (!phones.TryNormalize(c.AgentPhone, out var normalized, out var error)) return Fail(WriteResult.Invalid(error));
            agentPhone = normalized;
        }
        var templateIds = c.FollowUps.Select(f => f.TemplateId).OfType<long>().Distinct().ToList();
        var usable = await db.Templates.Where(t => templateIds.Contains(t.Id) && (t.AgentId == c.AgentId || t.AgentId == null)).Select(t => t.Id).ToListAsync(ct);
        if (usable.Count != templateIds.Count) return Fail(WriteResult.NotFound("One of those templates no longer exists."));

        var settings = await db.DialerSettings.FirstOrDefaultAsync(s => s.AgentId == c.AgentId, ct);
        if (settings is null) db.DialerSettings.Add(settings = new DialerSettings { AgentId = c.AgentId });
        settings.AgentPhone = agentPhone;
        settings.MachineDetection = c.MachineDetection;

        var existing = (await db.DialerFollowUps.Where(f => f.AgentId == c.AgentId).ToListAsync(ct)).ToDictionary(f => f.Outcome);
        var chosen = c.FollowUps.Where(f => !f.UseDefault && CallOutcomes.IsKnown(f.Outcome)).DistinctBy(f => f.Outcome).ToDictionary(f => f.Outcome);
        foreach (var (outcome, row) in existing)
        {
            if (chosen.TryGetValue(outcome, out var choice)) row.TemplateId = choice.TemplateId;
            else db.DialerFollowUps.Remove(row);
        }
        foreach (var choice in chosen.Values.Where(f => !existing.ContainsKey(f.Outcome)))
            db.DialerFollowUps.Add(new DialerFollowUp { AgentId = c.AgentId, Outcome = choice.Outcome, TemplateId = choice.TemplateId });
        return (events, _) =>
        {
            events.Add(new DialerChanged(c.AgentId, null, null));
            return WriteResult.Ok;
        };
    }
}

using System.Security.Cryptography;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Core.Campaigns;

/// <summary>Bulk texting: pick an audience, plan it, confirm it, follow and steer it. Writes go through the single writer.</summary>
public sealed class CampaignService(
    IDbContextFactory<SmsDbContext> dbFactory, InboxWriter writer, CampaignPlanner planner, TimeProvider clock)
{
    /// <summary>Keeps the contacts picked in People (the agent's own only) and returns the composer's key.</summary>
    public async Task<string> CreateAudienceAsync(long agentId, IReadOnlyCollection<long> contactIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = new HashSet<long>();
        foreach (var chunk in contactIds.Distinct().Chunk(1000))
            mine.UnionWith(await db.Contacts.Where(c => c.AgentId == agentId && chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct));
        var ordered = contactIds.Distinct().Where(mine.Contains).ToList();
        var audience = new CampaignAudience
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), AgentId = agentId,
            ContactIds = string.Join(',', ordered), Count = ordered.Count, CreatedAt = clock.GetUtcNow(),
        };
        db.CampaignAudiences.Add(audience);
        await db.SaveChangesAsync(ct);
        return audience.Id;
    }

    public async Task<CampaignAudience?> GetAudienceAsync(long agentId, string audienceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CampaignAudiences.AsNoTracking().FirstOrDefaultAsync(a => a.Id == audienceId && a.AgentId == agentId, ct);
    }

    /// <summary>The campaign already made from this composer, if any (a second tab, a reload after confirming).</summary>
    public async Task<long?> CampaignForAudienceAsync(long agentId, string audienceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.Where(c => c.AgentId == agentId && c.AudienceId == audienceId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>How many rows a big plan shows before the rest are decided.</summary>
    public const int FirstRows = 100;

    /// <summary>
    /// The plan for the selection. For a big selection <paramref name="firstRows"/> gets the first rows' plan (their totals
    /// only, <see cref="CampaignPlan.Partial"/>) as soon as they are decided, then the whole plan is returned.
    /// </summary>
    public async Task<CampaignPlan> PlanAsync(long agentId, string audienceId, string body, TextPurpose purpose, DateTimeOffset? startAt,
        CancellationToken ct = default, Func<CampaignPlan, Task>? firstRows = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var audience = await db.CampaignAudiences.AsNoTracking().FirstOrDefaultAsync(a => a.Id == audienceId && a.AgentId == agentId, ct);
        if (audience is null) return CampaignPlan.Failed("This selection is gone. Pick the recipients in People again.");
        var agentName = await db.Agents.Where(a => a.Id == agentId).Select(a => a.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var request = new PlanRequest(agentName, body, purpose, startAt);
        var ids = audience.Ids();
        if (firstRows is not null && ids.Count > FirstRows * 2)
        {
            var head = planner.Plan(request, await PlanContacts.LoadAsync(db, agentId, ids.Take(FirstRows).ToList(), now, ct), now);
            if (!head.Ok) return head;
            await firstRows(head with { Partial = true });
        }
        var contacts = await PlanContacts.LoadAsync(db, agentId, ids, now, ct);
        ct.ThrowIfCancellationRequested();
        // Deciding 10,000 rows is CPU work: off the circuit's thread.
        return await Task.Run(() => planner.Plan(request, contacts, now), ct);
    }

    /// <summary>Creates the campaign (or finds the one this composer already made). Returns its id, or the reason it was not made.</summary>
    public async Task<(long? Id, string? Error)> ConfirmAsync(CreateCampaign command)
    {
        var result = await writer.ExecuteAsync(command);
        if (result.CampaignId is { } id) return (id, null);
        // Two nodes confirmed at once and the unique key refused the second: the first one is the campaign.
        if (await CampaignForAudienceAsync(command.AgentId, command.AudienceId) is { } made) return (made, null);
        return (null, result.Error ?? "The campaign could not be created.");
    }

    public async Task<string?> ChangeAsync(long agentId, long campaignId, CampaignAction action)
    {
        var result = await writer.ExecuteAsync(new ChangeCampaign(agentId, campaignId, action));
        return result.Outcome == WriteOutcome.Done ? null : result.Error;
    }

    public async Task<IReadOnlyList<CampaignView>> ListAsync(long agentId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.AgentId == agentId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);
        var views = new List<CampaignView>(campaigns.Count);
        foreach (var c in campaigns) views.Add(View(c, await ProgressAsync(db, c, ct)));
        return views;
    }

    public async Task<CampaignView?> GetAsync(long agentId, long campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId && x.AgentId == agentId, ct);
        return c is null ? null : View(c, await ProgressAsync(db, c, ct));
    }

    /// <summary>Recipients in plan order, optionally of one state; every recipient when <paramref name="take"/> is null.</summary>
    public async Task<IReadOnlyList<RecipientView>> RecipientsAsync(long agentId, long campaignId, string? state = null, int? take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.AgentId == agentId, ct)) return [];
        var rows = await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.Position)
            .Select(r => new
            {
                r.Id, r.ContactId, r.Name, r.Phone, r.PlanReason, r.MessageId,
                Status = r.Message != null ? r.Message.Status : null,
                HandedOver = r.Message != null && r.Message.Sid != null,
                ErrorCode = r.Message != null ? r.Message.ErrorCode : null,
                Error = r.Message != null ? r.Message.ErrorMessage : null,
                ConversationId = r.Message != null ? (long?)r.Message.ConversationId : null,
                ScheduledFor = r.Message != null ? r.Message.ScheduledFor : null,
                UpdatedAt = r.Message != null ? (DateTimeOffset?)r.Message.UpdatedAt : null,
            })
            .ToListAsync(ct);
        var views = rows.Select(r => new RecipientView(r.Id, r.ContactId, r.Name, r.Phone,
                RecipientStates.Of(r.MessageId is not null, r.Status, r.HandedOver, r.Error),
                r.PlanReason, r.ErrorCode, r.MessageId is null ? PlanReasons.Describe(r.PlanReason ?? "") : r.Error,
                r.ConversationId, r.MessageId, r.ScheduledFor, r.UpdatedAt))
            .Where(v => state is null || v.State == state);
        return (take is { } n ? views.Take(n) : views).ToList();
    }

    /// <summary>The per-recipient report as CSV, with the formula guard People's export has.</summary>
    public async Task WriteCsvAsync(long agentId, long campaignId, Stream output, CancellationToken ct = default)
    {
        var rows = await RecipientsAsync(agentId, campaignId, take: null, ct: ct);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await writer.WriteAsync(CsvText.Line(["Name", "Phone", "State", "Reason", "Twilio error", "Detail"]));
        foreach (var r in rows)
            await writer.WriteAsync(CsvText.Line(new[] { r.Name, r.Phone, r.State, r.Reason, r.ErrorCode?.ToString(), r.Detail }.Select(FormulaGuard.Protect)));
    }

    private static CampaignView View(Campaign c, CampaignProgress p) =>
        new(c.Id, c.Name, c.Body, c.Purpose, c.State, c.PauseReason, c.SenderNumber, c.CreatedAt, c.StartAt, p);

    /// <summary>Counted from the recipients' messages each time: a few grouped queries, safe with writers on any node.</summary>
    private static async Task<CampaignProgress> ProgressAsync(SmsDbContext db, Campaign c, CancellationToken ct)
    {
        var recipients = db.CampaignRecipients.Where(r => r.CampaignId == c.Id);
        var groups = await recipients
            .GroupBy(r => new
            {
                HasMessage = r.MessageId != null,
                Status = r.Message != null ? r.Message.Status : null,
                HandedOver = r.Message != null && r.Message.Sid != null,
                Cancelled = r.Message != null && r.Message.ErrorMessage == RecipientStates.CancelledText,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int queued = 0, held = 0, sent = 0, delivered = 0, failed = 0, skipped = 0;
        foreach (var g in groups)
        {
            switch (RecipientStates.Of(g.Key.HasMessage, g.Key.Status, g.Key.HandedOver, g.Key.Cancelled ? RecipientStates.CancelledText : null))
            {
                case RecipientStates.Queued: queued += g.Count; break;
                case RecipientStates.Held: held += g.Count; break;
                case RecipientStates.Sent: sent += g.Count; break;
                case RecipientStates.Delivered: sent += g.Count; delivered += g.Count; break;
                case RecipientStates.Failed: failed += g.Count; break;
                default: skipped += g.Count; break;
            }
        }
        var replied = await recipients.CountAsync(r => r.Message != null && r.Message.Sid != null && db.Messages.Any(m =>
            m.ConversationId == r.Message.ConversationId && m.Direction == MessageDirection.Inbound
            && m.CreatedAt >= (r.Message.SentAt ?? r.Message.CreatedAt)), ct);
        var optedOut = await recipients.CountAsync(r => db.Contacts.Any(x => x.Id == r.ContactId && x.IsOptedOut && x.OptOutAt >= c.CreatedAt), ct);
        return new CampaignProgress(c.Total, queued, held, sent, delivered, failed, skipped, replied, optedOut);
    }
}

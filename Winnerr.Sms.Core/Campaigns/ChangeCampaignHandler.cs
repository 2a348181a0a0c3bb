namespace Winnerr.Sms.Core.Campaigns;

public sealed class ChangeCampaignHandler(OutboxSignal signal) : CommandHandler<ChangeCampaign>
{
    protected override async Task<Completion> ApplyAsync(SmsDbContext db, ChangeCampaign c, WriteBatch batch, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstOrDefaultAsync(x => x.Id == c.CampaignId && x.AgentId == c.AgentId, ct);
        if (campaign is null) return Fail(WriteResult.NotFound("Campaign not found."));
        if (campaign.State == CampaignState.Cancelled) return Fail(WriteResult.Invalid("This campaign was cancelled."));
        var now = batch.Now;

        switch (c.Action)
        {
            case CampaignAction.Pause:
                if (!await CampaignWrites.PauseAsync(db, campaign, "Paused by you.", now, ct)) return Unchanged;
                // The dispatcher looks again at once, so texts already claimed and waiting for their turn stay unsent.
                return (events, unread) =>
                {
                    signal.Notify();
                    return Changed(campaign, threads: false)(events, unread);
                };

            case CampaignAction.Resume:
                if (campaign.State != CampaignState.Paused) return Unchanged;
                campaign.State = CampaignState.Running;
                campaign.PauseReason = null;
                campaign.UpdatedAt = now;
                await db.Outbox.Where(o => o.CampaignId == campaign.Id && o.State == OutboxState.Paused)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Pending), ct);
                // A bulk update is invisible to the writer's change tracking: wake the dispatcher ourselves, once committed.
                return (events, unread) =>
                {
                    signal.Notify();
                    return Changed(campaign, threads: false)(events, unread);
                };

            default:
                campaign.State = CampaignState.Cancelled;
                campaign.PauseReason = null;
                campaign.UpdatedAt = now;
                // Texts being handed to the provider right now (claimed) cannot be called back; everything still waiting is.
                var waiting = await db.Outbox.Where(o => o.CampaignId == campaign.Id && (o.State == OutboxState.Pending || o.State == OutboxState.Paused))
                    .Include(o => o.Message!).ThenInclude(m => m.Conversation).ToListAsync(ct);
                foreach (var row in waiting) CampaignWrites.CancelUnsent(db, row, row.Message!, now);
                return (events, unread) =>
                {
                    signal.Notify();
                    return Changed(campaign, threads: waiting.Count > 0)(events, unread);
                };
        }
    }

    private static Completion Changed(Campaign campaign, bool threads) => (events, _) =>
    {
        events.Add(new CampaignChanged(campaign.AgentId, campaign.Id, threads));
        return WriteResult.Ok;
    };
}

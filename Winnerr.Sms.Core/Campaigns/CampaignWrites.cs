namespace Winnerr.Sms.Core.Campaigns;

/// <summary>Campaign changes that several handlers make: pausing parks the campaign's waiting outbox rows.</summary>
internal static class CampaignWrites
{
    /// <summary>Pauses a running campaign; false when it was not running.</summary>
    public static async Task<bool> PauseAsync(SmsDbContext db, Campaign campaign, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (campaign.State != CampaignState.Running) return false;
        campaign.State = CampaignState.Paused;
        campaign.PauseReason = reason;
        campaign.UpdatedAt = now;
        // A conditional update: a row another node has already claimed is in flight and finishes.
        await db.Outbox.Where(o => o.CampaignId == campaign.Id && o.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Paused), ct);
        return true;
    }

    /// <summary>A text of a cancelled campaign that had not gone out: its outbox row goes, and the message says why.</summary>
    public static void CancelUnsent(SmsDbContext db, OutboxItem row, Message message, DateTimeOffset now)
    {
        db.Outbox.Remove(row);
        message.Status = MessageStatus.Canceled;
        message.ErrorMessage = RecipientStates.CancelledText;
        message.UpdatedAt = now;
        InboxWrites.Follow(message);
    }

    /// <summary>
    /// The state a claimed row goes back to (a hold, a retry): parked when its campaign was paused meanwhile, so a pause
    /// also holds the texts that were in a dispatcher's hands when it happened. A cancelled campaign's row that gets here
    /// may have reached the provider (<see cref="CancelsUnsentAsync"/> took the rest): it stays pending, and the dispatcher
    /// reconciles it and cancels it instead of sending.
    /// </summary>
    public static async Task<string> ReleasedStateAsync(SmsDbContext db, OutboxItem row, CancellationToken ct) =>
        row.CampaignId is { } id && await db.Campaigns.AnyAsync(c => c.Id == id && c.State == CampaignState.Paused, ct)
            ? OutboxState.Paused
            : OutboxState.Pending;

    public static async Task<bool> IsCancelledAsync(SmsDbContext db, OutboxItem row, CancellationToken ct) =>
        row.CampaignId is { } id && await db.Campaigns.AnyAsync(c => c.Id == id && c.State == CampaignState.Cancelled, ct);

    /// <summary>
    /// A claimed row coming back unsent (a hold, a retry, a refusal) after its campaign was cancelled: cancelled as the
    /// cancel did for every text still waiting. Not when an earlier attempt may have reached the provider: that one is
    /// reconciled first. True when it cancelled the text.
    /// </summary>
    public static async Task<bool> CancelsUnsentAsync(SmsDbContext db, OutboxItem row, Message message, DateTimeOffset now, CancellationToken ct)
    {
        if (row.Reconcile || !await IsCancelledAsync(db, row, ct)) return false;
        CancelUnsent(db, row, message, now);
        return true;
    }

    /// <summary>
    /// Carrier filtering (30007) on more than <see cref="CampaignOptions.FilteringPauseRate"/> of a campaign's handed-over
    /// texts means carriers are blocking it: pause before the number's reputation suffers more.
    /// </summary>
    public static async Task<Campaign?> PauseOnFilteringAsync(SmsDbContext db, Message message, CampaignOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (message is not { CampaignId: { } id, ErrorCode: TwilioErrors.CarrierFiltered }) return null;
        var counts = await db.Messages.Where(m => m.CampaignId == id && m.Sid != null)
            .GroupBy(_ => 1)
            .Select(g => new { Handed = g.Count(), Filtered = g.Count(m => m.ErrorCode == TwilioErrors.CarrierFiltered) })
            .FirstOrDefaultAsync(ct);
        // This message's own change is not saved yet.
        var filtered = (counts?.Filtered ?? 0) + 1;
        var handed = Math.Max(counts?.Handed ?? 0, filtered);
        if (handed < options.FilteringMinSample || (double)filtered / handed <= options.FilteringPauseRate) return null;
        var campaign = await db.Campaigns.FirstAsync(c => c.Id == id, ct);
        var reason = $"Paused: carriers filtered {filtered} of {handed} texts (error 30007). Change the text (links, wording) before resuming.";
        return await PauseAsync(db, campaign, reason, now, ct) ? campaign : null;
    }

    /// <summary>A configuration error (30032, 30034, auth) on a campaign text: the campaign says why it stopped.</summary>
    public static async Task<Campaign?> PauseOnConfigurationAsync(SmsDbContext db, Message message, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (message.CampaignId is not { } id) return null;
        var campaign = await db.Campaigns.FirstAsync(c => c.Id == id, ct);
        return await PauseAsync(db, campaign, $"Paused: {reason}", now, ct) ? campaign : null;
    }
}

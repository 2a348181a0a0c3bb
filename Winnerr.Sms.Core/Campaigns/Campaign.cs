namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// One bulk send: the same text, rendered per recipient, each in their own thread. Progress is never stored as
/// counters: it is counted from the recipients' messages, so writers on other nodes can never make it drift.
/// </summary>
public class Campaign
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    public required string Name { get; set; }
    /// <summary>The text as written, with its tokens; each recipient's rendered text is on their message.</summary>
    public required string Body { get; set; }
    public long? TemplateId { get; set; }
    public TextPurpose Purpose { get; set; } = TextPurpose.Marketing;
    /// <summary>Our number every text goes out from.</summary>
    public required string SenderNumber { get; set; }
    public DateTimeOffset? StartAt { get; set; }
    public string State { get; set; } = CampaignState.Running;
    /// <summary>Why the campaign is paused (the agent, or a configuration or carrier-filtering error).</summary>
    public string? PauseReason { get; set; }
    /// <summary>The composer's selection: confirming the same composer twice (two tabs) finds this campaign instead of making another.</summary>
    public required string AudienceId { get; set; }
    public int Total { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CampaignRecipient> Recipients { get; set; } = [];
}

public static class CampaignState
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
}

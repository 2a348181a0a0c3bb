namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// One person in a campaign. A recipient the plan skipped has no message and keeps the plan's reason; every other
/// one has exactly one message (and outbox row), created when the campaign was confirmed. Their state is the message's.
/// </summary>
public class CampaignRecipient
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    /// <summary>The recipient's place in the plan (the People selection's order).</summary>
    public int Position { get; set; }
    public long ContactId { get; set; }
    public required string Phone { get; set; }
    public required string Name { get; set; }
    /// <summary>The plan's reason for a skip or a hold (<see cref="PlanReasons"/>).</summary>
    public string? PlanReason { get; set; }
    public long? MessageId { get; set; }
    public Message? Message { get; set; }
}

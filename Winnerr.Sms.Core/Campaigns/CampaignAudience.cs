namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// The contacts picked in People for a campaign, kept on the server so the composer's address can be reloaded or
/// opened in a second tab, and so confirming it twice makes one campaign.
/// </summary>
public class CampaignAudience
{
    /// <summary>A random id; it is the composer's address and the campaign's idempotency key.</summary>
    public required string Id { get; set; }
    public long AgentId { get; set; }
    /// <summary>Contact ids in the order they were picked, comma-separated.</summary>
    public required string ContactIds { get; set; }
    public int Count { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<long> Ids() =>
        ContactIds.Length == 0 ? [] : ContactIds.Split(',').Select(long.Parse).ToList();
}

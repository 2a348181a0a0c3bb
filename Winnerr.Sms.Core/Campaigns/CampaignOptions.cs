namespace Winnerr.Sms.Core.Campaigns;

/// <summary>Campaign settings; bound from the "Campaigns" section (and Sms:PricePerSegment).</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaigns";

    /// <summary>What one segment costs, for the plan's estimate (Sms:PricePerSegment; Twilio US long code list price).</summary>
    public decimal PricePerSegment { get; set; } = 0.0083m;
    /// <summary>Carrier filtering (30007) above this share of a campaign's handed-over texts pauses it ...</summary>
    public double FilteringPauseRate { get; set; } = 0.05;
    /// <summary>... once at least this many texts were handed over, so two early failures do not stop a campaign.</summary>
    public int FilteringMinSample { get; set; } = 20;
    /// <summary>The most recipients one campaign takes.</summary>
    public int MaxRecipients { get; set; } = 10_000;
}

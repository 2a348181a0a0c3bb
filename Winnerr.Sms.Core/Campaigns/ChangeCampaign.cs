namespace Winnerr.Sms.Core.Campaigns;

public enum CampaignAction { Pause, Resume, Cancel }

/// <summary>The agent pauses, resumes or cancels a campaign.</summary>
public sealed record ChangeCampaign(long AgentId, long CampaignId, CampaignAction Action) : InboxCommand;

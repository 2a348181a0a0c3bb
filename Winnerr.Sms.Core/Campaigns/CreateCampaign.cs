namespace Winnerr.Sms.Core.Campaigns;

/// <summary>
/// Confirm a campaign: plan it again on the server (never trust the screen's copy), then store every recipient,
/// and for each one to send or hold their message and outbox row, in one transaction. The audience is the
/// idempotency key: a second confirm of the same composer finds the first campaign.
/// <paramref name="RequestsConsent"/>: a double opt-in request (transactional); each recipient's YES then records marketing consent.
/// </summary>
public sealed record CreateCampaign(
    long AgentId, string AudienceId, string Name, string Body, long? TemplateId, TextPurpose Purpose, DateTimeOffset? StartAt,
    bool RequestsConsent = false) : InboxCommand;

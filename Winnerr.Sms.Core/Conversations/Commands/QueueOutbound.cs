namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Store an outbound text and its outbox row in one transaction, after the compliance gate allows it.
/// To a conversation, or to a number (New message, a profile). <paramref name="SendAt"/> is "send later".
/// <paramref name="RequestsConsent"/> marks a double opt-in request: the contact's YES then records marketing consent.
/// </summary>
public sealed record QueueOutbound(
    long AgentId,
    long? ConversationId,
    string? ToPhone,
    string Body,
    TextPurpose Purpose = TextPurpose.Transactional,
    DateTimeOffset? SendAt = null,
    int Priority = OutboxPriority.OneToOne,
    bool RequestsConsent = false) : InboxCommand;

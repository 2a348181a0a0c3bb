namespace Winnerr.Sms.Core.Messaging;

public enum MessageDirection { Inbound, Outbound }

public class Message
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    /// <summary>The conversation's agent, copied here so History is one index range per agent (null while unassigned).</summary>
    public long? AgentId { get; set; }
    public Conversation Conversation { get; set; } = null!;
    public long ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public MessageDirection Direction { get; set; }
    public required string Body { get; set; }
    /// <summary>Twilio's status word: queued, sent, delivered, failed, received, ...</summary>
    public string Status { get; set; } = MessageStatus.Queued;
    /// <summary>Twilio's Message SID; the idempotency key for webhooks (unique, null until Twilio accepts).</summary>
    public string? Sid { get; set; }
    /// <summary>The opt-out/opt-in/help keyword this inbound text was, if any.</summary>
    public string? Keyword { get; set; }
    /// <summary>This inbound text read as a revocation in the contact's own words and was flagged for review.</summary>
    public bool FlaggedRevocation { get; set; }
    public TextPurpose Purpose { get; set; } = TextPurpose.Transactional;
    /// <summary>Send later: the time the agent chose. A held marketing text shows its window's start here too.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
    /// <summary>The campaign this text belongs to, if any.</summary>
    public long? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    /// <summary>When the provider accepted it (the frequency cap counts these).</summary>
    public DateTimeOffset? SentAt { get; set; }
    public int? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

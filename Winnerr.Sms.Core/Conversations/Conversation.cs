namespace Winnerr.Sms.Core.Conversations;

/// <summary>One thread per agent number and contact number.</summary>
public class Conversation
{
    public long Id { get; set; }
    /// <summary>The owning agent; null while the number texted belongs to nobody (the admins' Unassigned list).</summary>
    public long? AgentId { get; set; }
    /// <summary>Our number in this thread (E.164): where the contact texted, and what replies are sent from.</summary>
    public required string AgentNumber { get; set; }
    public long ContactId { get; set; }
    public Contact Contact { get; set; } = null!;

    // Denormalised so the inbox list is one indexed query, not an aggregate over messages.
    public DateTimeOffset LastMessageAt { get; set; }
    public string LastMessagePreview { get; set; } = "";
    public int UnreadCount { get; set; }
    /// <summary>The contact wrote last and the agent has not answered or marked it done. Reading is not replying.</summary>
    public bool NeedsReply { get; set; }
    /// <summary>The last message's direction and status, for "You:" previews and the failed marker.</summary>
    public MessageDirection? LastMessageDirection { get; set; }
    public string? LastMessageStatus { get; set; }
    /// <summary>The agent's unsent text in this thread, kept across navigation and reload.</summary>
    public string? Draft { get; set; }

    public const int PreviewLength = 140;

    public void Touch(Message message)
    {
        if (message.CreatedAt < LastMessageAt) return;
        LastMessageAt = message.CreatedAt;
        LastMessagePreview = message.Body.Length <= PreviewLength ? message.Body : message.Body[..PreviewLength];
        LastMessageDirection = message.Direction;
        LastMessageStatus = message.Status;
        NeedsReply = message.Direction == MessageDirection.Inbound;
    }
}

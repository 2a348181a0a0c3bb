namespace Winnerr.Sms.Core.Conversations;

/// <summary>One row of the inbox list.</summary>
public sealed record ThreadSummary(
    long ConversationId,
    long ContactId,
    string ContactName,
    string ContactPhone,
    string LastMessagePreview,
    DateTimeOffset LastMessageAt,
    int UnreadCount,
    bool IsOptedOut);

/// <summary>One bubble in a conversation.</summary>
public sealed record MessageView(
    long Id,
    long ConversationId,
    MessageDirection Direction,
    string Body,
    string Status,
    int? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset CreatedAt)
{
    public bool IsFailed => Direction == MessageDirection.Outbound && MessageStatus.IsFailure(Status);

    public static MessageView From(Message m) =>
        new(m.Id, m.ConversationId, m.Direction, m.Body, m.Status, m.ErrorCode, m.ErrorMessage, m.CreatedAt);
}

public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Threads, int TotalCount, int TotalUnread);

public sealed record ConversationDetail(ThreadSummary Thread, IReadOnlyList<MessageView> Messages, bool HasOlder);

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
    bool IsOptedOut,
    ContactConsentState? Consent = null,
    bool NeedsReply = false,
    MessageDirection? LastDirection = null,
    string? LastStatus = null)
{
    public bool RevocationPending => Consent?.RevocationFlaggedAt is not null;
    /// <summary>The agent's own last message failed or was not sent: the list marks it.</summary>
    public bool LastFailed => LastDirection == MessageDirection.Outbound && LastStatus is { } s
        && (MessageStatus.IsFailure(s) || s == MessageStatus.Canceled);
}

/// <summary>One bubble in a conversation.</summary>
public sealed record MessageView(
    long Id,
    long ConversationId,
    MessageDirection Direction,
    string Body,
    string Status,
    int? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledFor = null,
    bool FlaggedRevocation = false)
{
    public bool IsFailed => Direction == MessageDirection.Outbound && MessageStatus.IsFailure(Status);

    /// <summary>Retry is offered only where sending again can help (not for an invalid number or an opt-out).</summary>
    public bool CanRetry => IsFailed && TwilioErrors.RetryCanHelp(ErrorCode);

    public static MessageView From(Message m) =>
        new(m.Id, m.ConversationId, m.Direction, m.Body, m.Status, m.ErrorCode, m.ErrorMessage, m.CreatedAt, m.ScheduledFor, m.FlaggedRevocation);
}

/// <summary>A page of the (filtered) list; <paramref name="TotalCount"/> counts what the filter keeps, the totals count everything.</summary>
public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Threads, int TotalCount, int TotalUnread, int TotalNeedsReply = 0);

public sealed record ConversationDetail(ThreadSummary Thread, IReadOnlyList<MessageView> Messages, bool HasOlder);

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
    bool FlaggedRevocation = false,
    long? CampaignId = null)
{
    public bool IsFailed => Direction == MessageDirection.Outbound && MessageStatus.IsFailure(Status);

    /// <summary>Retry is offered only where sending again can help (not for an invalid number or an opt-out).</summary>
    public bool CanRetry => IsFailed && TwilioErrors.RetryCanHelp(ErrorCode);

    public static MessageView From(Message m) =>
        new(m.Id, m.ConversationId, m.Direction, m.Body, m.Status, m.ErrorCode, m.ErrorMessage, m.CreatedAt, m.ScheduledFor, m.FlaggedRevocation, m.CampaignId);
}

/// <summary>A page of the (filtered) list; <paramref name="TotalCount"/> counts what the filter keeps, the totals count everything.</summary>
public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Threads, int TotalCount, int TotalUnread, int TotalNeedsReply = 0);

public sealed record ConversationDetail(ThreadSummary Thread, IReadOnlyList<MessageView> Messages, bool HasOlder)
{
    /// <summary>Who the conversation is with, for its header; null only for a contact no longer stored.</summary>
    public ContactCard? Contact { get; init; }
    /// <summary>Consent and revocation events of the contact's record within the time these messages span, oldest first.</summary>
    public IReadOnlyList<ContactEventView> Events { get; init; } = [];
}

/// <summary>The contact of an open conversation and their record's recent events, reloaded when either changes.</summary>
public sealed record ConversationContext(ContactCard Contact, IReadOnlyList<ContactEventView> Events);

/// <summary>What the conversation header shows about the contact.</summary>
public sealed record ContactCard(
    long Id,
    string FirstName,
    string LastName,
    string Phone,
    string? PropertyAddress,
    DateTimeOffset? ShowingAt,
    string? TimeZone,
    IReadOnlyList<string> Tags,
    ConsentStatus Consent,
    string? ConsentSource,
    DateTimeOffset? ConsentAt,
    ContactConsentState ConsentState)
{
    public bool IsUnnamed => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName);

    public static ContactCard From(Contact c) => new(c.Id, c.FirstName, c.LastName, c.Phone, c.PropertyAddress, c.ShowingAt, c.TimeZone,
        c.Tags.Select(t => t.Tag).Order(StringComparer.OrdinalIgnoreCase).ToList(), c.Consent, c.ConsentSource, c.ConsentAt, c.ConsentState);
}

/// <summary>A line of the contact's record shown in the conversation: an opt-out, an opt-in, a revocation flag or its review.</summary>
public sealed record ContactEventView(long Id, DateTimeOffset At, string Kind, string Text)
{
    /// <summary>The record's kinds that belong in a conversation (edits and imports stay on the profile).</summary>
    public static readonly string[] ConversationKinds = ["consent", "revocation"];
}

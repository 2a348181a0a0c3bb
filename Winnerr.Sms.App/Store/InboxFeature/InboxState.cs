using System.Collections.Immutable;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

/// <summary>The inbox as one circuit sees it: the thread list, the open conversation and the unread total, updated together.</summary>
[FeatureState]
public sealed record InboxState
{
    public const int PageSize = 100;

    public ImmutableList<ThreadSummary> Threads { get; init; } = [];
    public int TotalThreads { get; init; }
    public int TotalUnread { get; init; }
    public bool IsLoading { get; init; }
    public bool HasLoaded { get; init; }
    public bool IsLoadingMore { get; init; }
    public string? LoadError { get; init; }

    public long? OpenConversationId { get; init; }
    public ThreadSummary? OpenThread { get; init; }
    public ImmutableList<MessageView> OpenMessages { get; init; } = [];
    /// <summary>The open conversation's contact, for its header; null until loaded.</summary>
    public ContactCard? OpenContact { get; init; }
    /// <summary>Consent and revocation lines of the contact's record, oldest first, for the span the messages cover.</summary>
    public ImmutableList<ContactEventView> OpenEvents { get; init; } = [];
    public bool IsConversationLoading { get; init; }
    /// <summary>More messages exist before the oldest one shown (conversations load their newest page first).</summary>
    public bool OpenHasOlder { get; init; }
    public bool IsLoadingOlder { get; init; }
    public bool ConversationNotFound { get; init; }
    public string? SendError { get; init; }

    public bool HasMoreThreads => Threads.Count < TotalThreads;
}

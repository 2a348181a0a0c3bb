using System.Collections.Immutable;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

/// <summary>The inbox as one circuit sees it: the thread list, the open conversation and the totals, updated together.</summary>
[FeatureState]
public sealed record InboxState
{
    /// <summary>
    /// Threads loaded at a time: the plain rows (ThreadList.PlainRows) and a screen more; scrolling near the end
    /// loads the next page (~10 ms). Every open page holds what it loaded (~0.5 KB a thread with its consent state
    /// and strings), so a bigger first page costs every open tab of a large inbox for as long as it is open.
    /// </summary>
    public const int PageSize = 25;

    /// <summary>The filter and search the list shows; <see cref="Threads"/> and <see cref="TotalThreads"/> are for it.</summary>
    public ThreadQuery Query { get; init; } = ThreadQuery.All;
    public ImmutableList<ThreadSummary> Threads { get; init; } = [];
    public int TotalThreads { get; init; }
    /// <summary>Across all the agent's threads, whatever the list shows.</summary>
    public int TotalUnread { get; init; }
    public int TotalNeedsReply { get; init; }
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

using System.Collections.Immutable;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.App.Store.InboxFeature;

public static class InboxReducers
{
    [ReducerMethod(typeof(LoadThreadsAction))]
    public static InboxState OnLoadThreads(InboxState state) => state with { IsLoading = true, LoadError = null };

    [ReducerMethod(typeof(LoadMoreThreadsAction))]
    public static InboxState OnLoadMore(InboxState state) => state with { IsLoadingMore = true };

    [ReducerMethod]
    public static InboxState OnFilter(InboxState state, FilterThreadsAction action) =>
        WithQuery(state, new ThreadQuery(action.Filter, state.Query.Search));

    [ReducerMethod]
    public static InboxState OnSearch(InboxState state, SearchThreadsAction action) =>
        WithQuery(state, new ThreadQuery(state.Query.Filter, action.Search));

    /// <summary>The rows shown stay until the new query's first page replaces them, so the list does not blink.</summary>
    private static InboxState WithQuery(InboxState state, ThreadQuery query) =>
        query == state.Query ? state : state with { Query = query, IsLoading = true, IsLoadingMore = false, LoadError = null };

    [ReducerMethod]
    public static InboxState OnThreadsLoaded(InboxState state, LoadThreadsResultAction action)
    {
        if ((action.Query ?? ThreadQuery.All) != state.Query) return state; // typed on, or picked another filter, since
        var threads = action.Append
            ? state.Threads.AddRange(action.Page.Threads.Where(t => state.Threads.All(x => x.ConversationId != t.ConversationId)))
            : action.Page.Threads.ToImmutableList();
        return state with
        {
            Threads = threads, TotalThreads = action.Page.TotalCount, TotalUnread = action.Page.TotalUnread,
            TotalNeedsReply = action.Page.TotalNeedsReply, IsLoading = false, IsLoadingMore = false, HasLoaded = true, LoadError = null,
        };
    }

    [ReducerMethod]
    public static InboxState OnThreadsFailed(InboxState state, LoadThreadsFailedAction action) =>
        state with { IsLoading = false, IsLoadingMore = false, LoadError = action.Error };

    [ReducerMethod]
    public static InboxState OnOpen(InboxState state, OpenConversationAction action) =>
        state.OpenConversationId == action.ConversationId && !state.ConversationNotFound
            && (action.AtMessageId is not { } at || state.OpenMessages.Any(m => m.Id == at))
            ? state
            : LetGoOf(state, state.OpenConversationId) with
            {
                OpenConversationId = action.ConversationId, IsConversationLoading = true, ConversationNotFound = false,
                OpenThread = state.Threads.FirstOrDefault(t => t.ConversationId == action.ConversationId),
                OpenMessages = [], SendError = null, OpenHasOlder = false, IsLoadingOlder = false,
                OpenContact = null, OpenEvents = [],
            };

    [ReducerMethod]
    public static InboxState OnOpened(InboxState state, OpenConversationResultAction action)
    {
        if (state.OpenConversationId != action.ConversationId) return state; // the agent has moved on
        if (action.Detail is null) return state with { IsConversationLoading = false, ConversationNotFound = true, OpenThread = null };
        // Events that arrived while loading are already in OpenMessages; keep them.
        var messages = Merge(action.Detail.Messages.ToImmutableList(), state.OpenMessages);
        return state with
        {
            IsConversationLoading = false, OpenThread = action.Detail.Thread, OpenMessages = messages, OpenHasOlder = action.Detail.HasOlder,
            OpenContact = action.Detail.Contact, OpenEvents = MergeEvents(state.OpenEvents, action.Detail.Events),
        };
    }

    [ReducerMethod]
    public static InboxState OnLoadOlder(InboxState state, LoadOlderMessagesAction action) =>
        state.OpenConversationId == action.ConversationId ? state with { IsLoadingOlder = true } : state;

    [ReducerMethod]
    public static InboxState OnOlderLoaded(InboxState state, LoadOlderMessagesResultAction action)
    {
        if (state.OpenConversationId != action.ConversationId) return state;
        if (action.Detail is null) return state with { IsLoadingOlder = false };
        return state with
        {
            IsLoadingOlder = false,
            OpenHasOlder = action.Detail.HasOlder,
            OpenMessages = Merge(state.OpenMessages, action.Detail.Messages),
            OpenEvents = MergeEvents(state.OpenEvents, action.Detail.Events),
        };
    }

    [ReducerMethod]
    public static InboxState OnContextLoaded(InboxState state, LoadConversationContextResultAction action) =>
        state.OpenConversationId != action.ConversationId || action.Context is null
            ? state
            : state with { OpenContact = action.Context.Contact, OpenEvents = MergeEvents(state.OpenEvents, action.Context.Events) };

    [ReducerMethod(typeof(CloseConversationAction))]
    public static InboxState OnClose(InboxState state) =>
LetGoOf(state, state.OpenConversationId) with
        {
            OpenConversationId = null, OpenThread = null, OpenMessages = [], SendError = null, ConversationNotFound = false,
            OpenContact = null, OpenEvents = [],
        };

    [ReducerMethod]
    public static InboxState OnSendFailed(InboxState state, SendMessageFailedAction action) => state with { SendError = action.Error };


    [ReducerMethod(typeof(DismissSendErrorAction))]
    public static InboxState OnDismissSendError(InboxState state) => state with { SendError = null };

    [ReducerMethod]
    public static InboxState OnInboxEvent(InboxState state, InboxEventReceivedAction action) => action.Event switch
    {
        ThreadChanged e => ApplyThreadChanged(state, e),
        MessageStatusChanged e when e.Message.ConversationId == state.OpenConversationId =>
            state with { OpenMessages = Merge(state.OpenMessages, [e.Message]) },
        _ => state,
    };

    private static InboxState ApplyThreadChanged(InboxState state, ThreadChanged e)
    {
        var existing = state.Threads.FindIndex(t => t.ConversationId == e.Thread.ConversationId);
        var threads = existing >= 0 ? state.Threads.RemoveAt(existing) : state.Threads;
        var isOpen = state.OpenConversationId == e.Thread.ConversationId;
        // A filtered list takes what the filter keeps and lets go of what it no longer does (read, answered,
        // done), except the open conversation's row, which stays while the agent is in it.
        var shown = state.Query.Matches(e.Thread) || (isOpen && existing >= 0);
        var total = state.TotalThreads;
        if (shown)
        {
            var position = threads.FindIndex(t => Newer(e.Thread, t));
            if (position < 0) position = threads.Count;
            // A thread that sorts below the loaded page arrives with paging; inserting it would leave a gap.
            var belongsInLoadedPage = position < threads.Count || !state.HasMoreThreads;
            if (belongsInLoadedPage) threads = threads.Insert(position, e.Thread);
            if (existing < 0) total++;
            // A new thread on a full page pushes the last loaded one back to paging: the list keeps the size
            // it was loaded at, so a flood of new numbers (a bulk send's replies) does not grow it without end.
            if (existing < 0 && belongsInLoadedPage && threads.Count > Math.Max(InboxState.PageSize, state.Threads.Count))
                threads = threads.RemoveAt(threads.Count - 1);
        }
        else if (existing >= 0)
        {
            total--;
        }

        return state with
        {
            Threads = threads,
            TotalThreads = total,
            TotalUnread = e.TotalUnread,
            TotalNeedsReply = e.TotalNeedsReply ?? state.TotalNeedsReply,
            OpenThread = isOpen ? e.Thread : state.OpenThread,
            OpenMessages = isOpen && e.NewMessage is { } message ? Merge(state.OpenMessages, [message]) : state.OpenMessages,
        };
    }

    /// <summary>A row kept while its conversation was open goes when the agent leaves it, if the list's query no longer keeps it.</summary>
    private static InboxState LetGoOf(InboxState state, long? leaving)
    {
        var index = leaving is { } id ? state.Threads.FindIndex(t => t.ConversationId == id) : -1;
        if (index < 0 || state.Query.Matches(state.Threads[index])) return state;
        return state with { Threads = state.Threads.RemoveAt(index), TotalThreads = state.TotalThreads - 1 };
    }

    private static bool Newer(ThreadSummary a, ThreadSummary b) =>
        a.LastMessageAt > b.LastMessageAt || (a.LastMessageAt == b.LastMessageAt && a.ConversationId > b.ConversationId);

    /// <summary>The record only grows: lines are added by id, in time order, and none is dropped by a reload of a narrower span.</summary>
    private static ImmutableList<ContactEventView> MergeEvents(ImmutableList<ContactEventView> events, IEnumerable<ContactEventView> updates)
    {
        var added = updates.Where(u => events.All(e => e.Id != u.Id)).ToList();
        return added.Count == 0 ? events : events.AddRange(added).Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
    }

    /// <summary>Adds or replaces messages by id, keeping conversation order (time, then id).</summary>
    private static ImmutableList<MessageView> Merge(ImmutableList<MessageView> messages, IEnumerable<MessageView> updates)
    {
        foreach (var update in updates)
        {
            var index = messages.FindIndex(m => m.Id == update.Id);
            if (index >= 0)
            {
                messages = messages.SetItem(index, update);
                continue;
            }
            var position = messages.FindLastIndex(m => m.CreatedAt < update.CreatedAt || (m.CreatedAt == update.CreatedAt && m.Id < update.Id)) + 1;
            messages = messages.Insert(position, update);
        }
        return messages;
    }
}

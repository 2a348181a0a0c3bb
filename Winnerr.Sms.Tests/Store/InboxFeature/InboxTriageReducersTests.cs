using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Store.InboxFeature;

/// <summary>Filters, search, needs-reply totals and live rows in a filtered list.</summary>
public class InboxTriageReducersTests
{
    private static ThreadSummary Waiting(long id, int minutesAgo, string? name = null) => Thread(id, minutesAgo, name: name) with { NeedsReply = true };

    private static InboxState Loaded(ThreadQuery query, int needsReply, params ThreadSummary[] threads)
    {
        var state = new InboxState() with { Query = query };
        return InboxReducers.OnThreadsLoaded(state, new LoadThreadsResultAction(new ThreadPage(threads, threads.Length, 0, needsReply), false, query));
    }

    private static InboxState Event(InboxState state, InboxEvent e) => InboxReducers.OnInboxEvent(state, new InboxEventReceivedAction(e));

    [Fact]
    public void WhenAFilterIsPicked_ThenTheQueryChangesAndTheRowsStayUntilItsPageArrives()
    {
        var state = Loaded(ThreadQuery.All, 1, Waiting(1, 1), Thread(2, 5));

        var next = InboxReducers.OnFilter(state, new FilterThreadsAction(InboxFilter.NeedsReply));

        Assert.Equal(new ThreadQuery(InboxFilter.NeedsReply), next.Query);
        Assert.True(next.IsLoading);
        Assert.Equal([1L, 2L], next.Threads.Select(t => t.ConversationId));
    }

    [Fact]
    public void WhenTheSameFilterIsPickedAgain_ThenNothingChanges()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.Unread), 0, Thread(1, 1, unread: 1));

        Assert.Same(state, InboxReducers.OnFilter(state, new FilterThreadsAction(InboxFilter.Unread)));
        Assert.Same(state, InboxReducers.OnSearch(state, new SearchThreadsAction("  ")));
    }

    [Fact]
    public void WhenSearchingWithAFilter_ThenBothApplyAndClearingTheSearchKeepsTheFilter()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.NeedsReply), 1, Waiting(1, 1));

        var searched = InboxReducers.OnSearch(state, new SearchThreadsAction(" maria "));
        var cleared = InboxReducers.OnSearch(searched, new SearchThreadsAction(null));

        Assert.Equal(new ThreadQuery(InboxFilter.NeedsReply, "maria"), searched.Query);
        Assert.Equal("maria", searched.Query.Search);
        Assert.Equal(new ThreadQuery(InboxFilter.NeedsReply), cleared.Query);
    }

    [Fact]
    public void WhenThePageOfAnEarlierQueryArrivesLate_ThenItIsDropped()
    {
        var state = InboxReducers.OnSearch(Loaded(ThreadQuery.All, 0, Thread(1, 1), Thread(2, 5)), new SearchThreadsAction("mar"));
        state = InboxReducers.OnSearch(state, new SearchThreadsAction("maria"));

        var stale = InboxReducers.OnThreadsLoaded(state, new LoadThreadsResultAction(new ThreadPage([Thread(2, 5)], 1, 0), false, new ThreadQuery(Search: "mar")));
        var current = InboxReducers.OnThreadsLoaded(state, new LoadThreadsResultAction(new ThreadPage([Thread(1, 1)], 1, 3, 2), false, new ThreadQuery(Search: "maria")));

        Assert.Same(state, stale);
        Assert.Equal([1L], current.Threads.Select(t => t.ConversationId));
        Assert.Equal((1, 3, 2, false), (current.TotalThreads, current.TotalUnread, current.TotalNeedsReply, current.IsLoading));
    }

    [Fact]
    public void WhenAThreadIsAnsweredInTheNeedsReplyList_ThenItLeavesTheListAndTheCounts()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.NeedsReply), 2, Waiting(1, 1), Waiting(2, 5));
        var answered = Thread(2, 0) with { LastDirection = MessageDirection.Outbound };

        var next = Event(state, new ThreadChanged(1, answered, Message(9, 2, 0, MessageDirection.Outbound, "queued"), 0, TotalNeedsReply: 1));

        Assert.Equal([1L], next.Threads.Select(t => t.ConversationId));
        Assert.Equal((1, 1), (next.TotalThreads, next.TotalNeedsReply));
    }

    [Fact]
    public void WhenAThreadStartsToNeedAReply_ThenItJoinsTheNeedsReplyList()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.NeedsReply), 1, Waiting(1, 5));

        var next = Event(state, new ThreadChanged(1, Waiting(7, 0), Message(9, 7, 0), 1, TotalNeedsReply: 2));

        Assert.Equal([7L, 1L], next.Threads.Select(t => t.ConversationId));
        Assert.Equal((2, 2), (next.TotalThreads, next.TotalNeedsReply));
    }

    [Fact]
    public void WhenARowChangesThatTheSearchDoesNotFind_ThenTheListIgnoresIt()
    {
        var state = Loaded(new ThreadQuery(Search: "maria"), 0, Thread(1, 5, name: "Maria Lopez"));

        var next = Event(state, new ThreadChanged(1, Thread(2, 0, unread: 1, name: "James Carter"), Message(9, 2, 0), 1));

        Assert.Equal([1L], next.Threads.Select(t => t.ConversationId));
        Assert.Equal((1, 1), (next.TotalThreads, next.TotalUnread));
    }

    [Fact]
    public void WhenTheOpenThreadIsReadInTheUnreadList_ThenItsRowStaysWhileItIsOpen()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.Unread), 0, Thread(1, 1, unread: 2), Thread(2, 5, unread: 1)) with { OpenConversationId = 1 };

        var read = Event(state, new ThreadChanged(1, Thread(1, 1), null, 1));
        var other = Event(read, new ThreadChanged(1, Thread(2, 5), null, 0));

        Assert.Equal([1L], other.Threads.Select(t => t.ConversationId));
        Assert.Equal(0, other.Threads[0].UnreadCount);

        var left = InboxReducers.OnClose(other);
        Assert.Empty(left.Threads);
        Assert.Equal(0, left.TotalThreads);
    }

    [Fact]
    public void WhenTheAgentMovesToAnotherThread_ThenTheRowKeptForTheOpenOneGoesIfTheFilterNoLongerKeepsIt()
    {
        var state = Loaded(new ThreadQuery(InboxFilter.NeedsReply), 2, Waiting(1, 1), Waiting(2, 5)) with { OpenConversationId = 1 };
        state = Event(state, new ThreadChanged(1, Thread(1, 0) with { LastDirection = MessageDirection.Outbound }, null, 0, 1));
        Assert.Equal([1L, 2L], state.Threads.Select(t => t.ConversationId));

        var moved = InboxReducers.OnOpen(state, new OpenConversationAction(2));

        Assert.Equal([2L], moved.Threads.Select(t => t.ConversationId));
        Assert.Equal(1, moved.TotalThreads);
    }

    [Fact]
    public void WhenAnEventHasNoNeedsReplyTotal_ThenTheLastCountStays()
    {
        var state = Loaded(ThreadQuery.All, 4, Thread(1, 1));

        var unknown = Event(state, new ThreadChanged(1, Thread(1, 1), null, 0));
        var known = Event(unknown, new ThreadChanged(1, Thread(1, 1), null, 0, TotalNeedsReply: 3));

        Assert.Equal((4, 3), (unknown.TotalNeedsReply, known.TotalNeedsReply));
    }

    [Fact]
    public void WhenAFilteredListPages_ThenThePageForItsQueryIsAppended()
    {
        var query = new ThreadQuery(InboxFilter.NeedsReply);
        var state = Loaded(query, 3, Waiting(1, 1)) with { TotalThreads = 3 };

        var next = InboxReducers.OnThreadsLoaded(InboxReducers.OnLoadMore(state),
            new LoadThreadsResultAction(new ThreadPage([Waiting(2, 2), Waiting(3, 3)], 3, 0, 3), Append: true, query));

        Assert.Equal([1L, 2L, 3L], next.Threads.Select(t => t.ConversationId));
        Assert.False(next.HasMoreThreads);
    }
}

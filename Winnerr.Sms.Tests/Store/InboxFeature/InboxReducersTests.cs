using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Store.InboxFeature;

public class InboxReducersTests
{
    private static InboxState Loaded(params ThreadSummary[] threads) =>
        InboxReducers.OnThreadsLoaded(new InboxState(), new LoadThreadsResultAction(new ThreadPage(threads, threads.Length, threads.Sum(t => t.UnreadCount)), false));

    private static InboxState Event(InboxState state, InboxEvent e) => InboxReducers.OnInboxEvent(state, new InboxEventReceivedAction(e));

    [Fact]
    public void WhenThreadsLoad_ThenListTotalsAndUnreadAreSet()
    {
        var state = Loaded(Thread(1, 1, unread: 2), Thread(2, 5));

        Assert.Equal([1L, 2L], state.Threads.Select(t => t.ConversationId));
        Assert.Equal((2, 2, true, false), (state.TotalThreads, state.TotalUnread, state.HasLoaded, state.IsLoading));
    }

    [Fact]
    public void WhenInboundArrivesForAnOlderThread_ThenItMovesToTopWithItsBadge()
    {
        var state = Loaded(Thread(1, 1), Thread(2, 5), Thread(3, 10));
        var moved = Thread(3, 0, unread: 1, preview: "new text");

        var next = Event(state, new ThreadChanged(1, moved, Message(99, 3, 0), TotalUnread: 1));

        Assert.Equal([3L, 1L, 2L], next.Threads.Select(t => t.ConversationId));
        Assert.Equal(1, next.Threads[0].UnreadCount);
        Assert.Equal(1, next.TotalUnread);
        Assert.Equal(3, next.TotalThreads);
    }

    [Fact]
    public void WhenANewConversationStarts_ThenItIsAddedOnTopAndCounted()
    {
        var state = Loaded(Thread(1, 1));

        var next = Event(state, new ThreadChanged(1, Thread(7, 0, unread: 1), Message(1, 7, 0), 1));

        Assert.Equal([7L, 1L], next.Threads.Select(t => t.ConversationId));
        Assert.Equal(2, next.TotalThreads);
    }

    [Fact]
    public void WhenNewConversationsArriveOnAFullPage_ThenTheListKeepsItsSizeAndTheOldestWaitForPaging()
    {
        var page = Enumerable.Range(1, InboxState.PageSize).Select(i => Thread(i, i)).ToArray();
        var state = Loaded(page) with { TotalThreads = InboxState.PageSize };

        // A flood of new numbers (a bulk send's replies): each goes on top, and the list does not grow.
        for (var id = 1000; id < 1050; id++) state = Event(state, new ThreadChanged(1, Thread(id, 0), Message(id, id, 0), 1));

        Assert.Equal(InboxState.PageSize, state.Threads.Count);
        Assert.Equal(1049L, state.Threads[0].ConversationId);
        Assert.Equal(InboxState.PageSize + 50, state.TotalThreads);
        Assert.True(state.HasMoreThreads);
        Assert.DoesNotContain(state.Threads, t => t.ConversationId > InboxState.PageSize - 50 && t.ConversationId <= InboxState.PageSize);
    }

    [Fact]
    public void WhenAThreadOlderThanTheLoadedPageChanges_ThenItWaitsForPagingInsteadOfLeavingAGap()
    {
        var state = Loaded(Thread(1, 1), Thread(2, 5)) with { TotalThreads = 500 };

        var next = Event(state, new ThreadChanged(1, Thread(300, 9000), null, 0));

        Assert.Equal([1L, 2L], next.Threads.Select(t => t.ConversationId));
    }

    [Fact]
    public void WhenOpenConversationReceivesAMessage_ThenItIsAppendedOnceInOrder()
    {
        var state = InboxReducers.OnOpened(
            InboxReducers.OnOpen(Loaded(Thread(1, 1)), new OpenConversationAction(1)),
            new OpenConversationResultAction(1, new ConversationDetail(Thread(1, 1), [Message(1, 1, 10), Message(2, 1, 5)], false)));
        var incoming = Message(3, 1, 0);

        var once = Event(state, new ThreadChanged(1, Thread(1, 0, unread: 1), incoming, 1));
        var twice = Event(once, new ThreadChanged(1, Thread(1, 0, unread: 1), incoming, 1));

        Assert.Equal([1L, 2L, 3L], twice.OpenMessages.Select(m => m.Id));
    }

    [Fact]
    public void WhenStatusChangesForOpenConversation_ThenThatMessageIsReplaced()
    {
        var sent = Message(5, 1, 0, MessageDirection.Outbound, "queued");
        var state = Loaded(Thread(1, 1)) with { OpenConversationId = 1, OpenMessages = [sent] };

        var next = Event(state, new MessageStatusChanged(1, sent with { Status = "delivered" }));

        Assert.Equal("delivered", Assert.Single(next.OpenMessages).Status);
    }

    [Fact]
    public void WhenStatusChangesForAnotherConversation_ThenStateIsUnchanged()
    {
        var state = Loaded(Thread(1, 1)) with { OpenConversationId = 1 };

        var next = Event(state, new MessageStatusChanged(1, Message(5, 2, 0, MessageDirection.Outbound, "delivered")));

        Assert.Same(state, next);
    }

    [Fact]
    public void WhenConversationResultArrivesAfterAgentMovedOn_ThenItIsIgnored()
    {
        var state = InboxReducers.OnOpen(Loaded(Thread(1, 1), Thread(2, 2)), new OpenConversationAction(2));

        var next = InboxReducers.OnOpened(state, new OpenConversationResultAction(1, new ConversationDetail(Thread(1, 1), [], false)));

        Assert.Same(state, next);
    }

    [Fact]
    public void WhenConversationIsNotFound_ThenStateSaysSo()
    {
        var state = InboxReducers.OnOpen(Loaded(), new OpenConversationAction(42));

        var next = InboxReducers.OnOpened(state, new OpenConversationResultAction(42, null));

        Assert.True(next.ConversationNotFound);
        Assert.False(next.IsConversationLoading);
    }

    [Fact]
    public void WhenMarkedRead_ThenBadgeAndTotalDrop()
    {
        var state = Loaded(Thread(1, 1, unread: 3), Thread(2, 2, unread: 1));

        var next = Event(state, new ThreadChanged(1, Thread(1, 1, unread: 0), null, TotalUnread: 1));

        Assert.Equal(0, next.Threads[0].UnreadCount);
        Assert.Equal(1, next.TotalUnread);
        Assert.Equal([1L, 2L], next.Threads.Select(t => t.ConversationId));
    }

    [Fact]
    public void WhenMorePagesLoad_ThenThreadsAppendWithoutDuplicates()
    {
        var state = Loaded(Thread(1, 1), Thread(2, 2)) with { TotalThreads = 4 };

        var next = InboxReducers.OnThreadsLoaded(state,
            new LoadThreadsResultAction(new ThreadPage([Thread(2, 2), Thread(3, 3), Thread(4, 4)], 4, 0), Append: true));

        Assert.Equal([1L, 2L, 3L, 4L], next.Threads.Select(t => t.ConversationId));
        Assert.False(next.HasMoreThreads);
    }

    [Fact]
    public void WhenOlderMessagesLoad_ThenTheyGoBeforeTheShownOnesAndTheFlagFollows()
    {
        var state = InboxReducers.OnOpened(InboxReducers.OnOpen(Loaded(Thread(1, 1)), new OpenConversationAction(1)),
            new OpenConversationResultAction(1, new ConversationDetail(Thread(1, 1), [Message(10, 1, 5), Message(11, 1, 1)], HasOlder: true)));
        Assert.True(state.OpenHasOlder);

        var loading = InboxReducers.OnLoadOlder(state, new LoadOlderMessagesAction(1, 10));
        var next = InboxReducers.OnOlderLoaded(loading,
            new LoadOlderMessagesResultAction(1, new ConversationDetail(Thread(1, 1), [Message(3, 1, 90), Message(4, 1, 60)], HasOlder: false)));

        Assert.True(loading.IsLoadingOlder);
        Assert.Equal([3L, 4L, 10L, 11L], next.OpenMessages.Select(m => m.Id));
        Assert.False(next.OpenHasOlder);
        Assert.False(next.IsLoadingOlder);
    }
}

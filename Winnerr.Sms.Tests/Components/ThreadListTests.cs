using Bunit;
using Microsoft.AspNetCore.Components;
using Winnerr.Sms.App.Components;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.App.Components.Layout;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Tests.TestSupport;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Components;

public class ThreadListTests : MudTestBase
{
    private async Task SeedAsync(params ThreadSummary[] threads)
    {
        await InitializeStoreAsync();
        Dispatcher.Dispatch(new LoadThreadsResultAction(new ThreadPage(threads, threads.Length, threads.Sum(t => t.UnreadCount)), false));
    }

    [Fact]
    public async Task WhenStateHasThreads_ThenTheyRenderMostRecentFirstWithBadgesOnlyWhenUnread()
    {
        await SeedAsync(Thread(1, 1, unread: 2, name: "Maria Lopez", preview: "Do they allow pets?"), Thread(2, 30, name: "James Carter"));

        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value).Add(x => x.SelectedId, 2L));

        var items = cut.FindAll("[data-testid=thread-item]");
        Assert.Equal(["+12125550001", "+12125550002"], items.Select(i => i.GetAttribute("data-phone")));
        Assert.Equal("Maria Lopez", items[0].QuerySelector("[data-testid=thread-name]")!.TextContent);
        Assert.Equal("Do they allow pets?", items[0].QuerySelector("[data-testid=thread-preview]")!.TextContent);
        Assert.Equal("2", items[0].QuerySelector("[data-testid=thread-unread]")!.TextContent);
        Assert.Null(items[1].QuerySelector("[data-testid=thread-unread]"));
        Assert.Equal("/phone/sms/2", items[1].GetAttribute("href"));
        Assert.Equal("page", items[1].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task WhenTheAgentsTimeZoneArrivesAfterTheFirstRender_ThenEveryRowShowsItsTimeInThatZone()
    {
        await SeedAsync(Thread(1, 1), Thread(2, 30));
        var tokyo = ClientTime.FromName("Asia/Tokyo");
        var cut = Ctx.Render<CascadingValue<ClientTime>>(p => p.Add(x => x.Value, ClientTime.Utc)
            .AddChildContent<ThreadList>(list => list.Add(x => x.State, Inbox.Value)));
        string[] Times() => cut.FindAll("[data-testid=thread-time]").Select(t => t.GetAttribute("title")!).ToArray();
        Assert.Equal(Inbox.Value.Threads.Select(t => ClientTime.Utc.Full(t.LastMessageAt)), Times());

        // A first visit has no time-zone cookie: Routes cascades UTC, then the browser's zone once the circuit asks.
        cut.Render(p => p.Add(x => x.Value, tokyo).AddChildContent<ThreadList>(list => list.Add(x => x.State, Inbox.Value)));

        Assert.Equal(Inbox.Value.Threads.Select(t => tokyo.Full(t.LastMessageAt)), Times());
        Assert.NotEqual(Inbox.Value.Threads.Select(t => ClientTime.Utc.Full(t.LastMessageAt)), Times());
    }

    [Fact]
    public async Task WhenEveryThreadFitsInThePlainRows_ThenNoVirtualizedListIsKept()
    {
        await SeedAsync(Enumerable.Range(1, ThreadList.PlainRows).Select(i => Thread(i, i)).ToArray());
        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value));
        Assert.Equal(ThreadList.PlainRows, cut.FindAll("[data-testid=thread-item]").Count);
        Assert.Empty(cut.FindComponents<Microsoft.AspNetCore.Components.Web.Virtualization.Virtualize<ThreadList.Row>>());

        Dispatcher.Dispatch(new InboxEventReceivedAction(new ThreadChanged(99, Thread(99, 0, unread: 1), Message(999, 99, 0), 1)));
        cut.Render(p => p.Add(x => x.State, Inbox.Value));

        Assert.Single(cut.FindComponents<Microsoft.AspNetCore.Components.Web.Virtualization.Virtualize<ThreadList.Row>>());
        Assert.Equal("+12125550099", cut.FindAll("[data-testid=thread-item]")[0].GetAttribute("data-phone"));
    }

    [Fact]
    public async Task WhenInboundEventArrives_ThenThreadMovesToTopWithUnreadBadge()
    {
        await SeedAsync(Thread(1, 1), Thread(2, 30));
        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value));

        Dispatcher.Dispatch(new InboxEventReceivedAction(new ThreadChanged(1, Thread(2, 0, unread: 1, preview: "New!"), Message(9, 2, 0), 1)));
        cut.Render(p => p.Add(x => x.State, Inbox.Value));

        var first = cut.FindAll("[data-testid=thread-item]")[0];
        Assert.Equal("+12125550002", first.GetAttribute("data-phone"));
        Assert.Equal("1", first.QuerySelector("[data-testid=thread-unread]")!.TextContent);
        Assert.Equal("New!", first.QuerySelector("[data-testid=thread-preview]")!.TextContent);
    }

    [Fact]
    public async Task WhenOneThreadChanges_ThenOnlyItsRowRendersAgain()
    {
        await SeedAsync(Thread(1, 1), Thread(2, 30), Thread(3, 60));
        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value).Add(x => x.SelectedId, 3L));
        Dictionary<long, int> Renders() => cut.FindComponents<ThreadItem>().ToDictionary(c => c.Instance.Thread.ConversationId, c => c.RenderCount);
        var before = Renders();
        var toolbar = cut.FindComponent<ThreadToolbar>().RenderCount;

        Dispatcher.Dispatch(new InboxEventReceivedAction(new ThreadChanged(1, Thread(2, 0, unread: 1, preview: "New!"), Message(9, 2, 0), 1)));
        cut.Render(p => p.Add(x => x.State, Inbox.Value).Add(x => x.SelectedId, 3L));

        var after = Renders();
        Assert.Equal(toolbar, cut.FindComponent<ThreadToolbar>().RenderCount);
        Assert.True(after[2] > before[2], "the changed thread's row renders again");
        Assert.Equal(before[1], after[1]);
        Assert.Equal(before[3], after[3]);
        Assert.Equal("New!", cut.FindAll("[data-testid=thread-preview]")[0].TextContent);

        cut.Render(p => p.Add(x => x.State, Inbox.Value).Add(x => x.SelectedId, 1L));

        var selected = Renders();
        Assert.True(selected[1] > after[1] && selected[3] > after[3], "selection moves: both rows render");
        Assert.Equal(after[2], selected[2]);
        Assert.Equal("page", cut.Find("[data-conversation-id='1']").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task WhenThePageReloadsWithEqualCopies_ThenNoRowRendersAgainAndRowsHoldTheNewCopies()
    {
        await SeedAsync(Thread(1, 1), Thread(2, 30));
        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value));
        var before = cut.FindComponents<ThreadItem>().Select(c => c.RenderCount).ToList();

        // What the circuit's full first page does to the rows the prerender handed over: the same threads, new objects.
        ThreadSummary[] reloaded = [Thread(1, 1), Thread(2, 30)];
        await SeedAsync(reloaded);
        cut.Render(p => p.Add(x => x.State, Inbox.Value));

        var rows = cut.FindComponents<ThreadItem>();
        Assert.Equal(before, rows.Select(c => c.RenderCount).ToList());
        Assert.Same(reloaded[0], rows[0].Instance.Thread);
        Assert.Same(reloaded[1], rows[1].Instance.Thread);

        await SeedAsync(Thread(1, 1, unread: 3), Thread(2, 30));
        cut.Render(p => p.Add(x => x.State, Inbox.Value));

        Assert.True(cut.FindComponents<ThreadItem>()[0].RenderCount > before[0], "a changed copy renders");
        Assert.Equal("3", cut.Find("[data-testid=thread-unread]").TextContent);
    }

    [Fact]
    public async Task WhenNoConversations_ThenEmptyStateIsShown()
    {
        await SeedAsync();

        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, Inbox.Value));

        Assert.Contains("No conversations yet", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=thread-item]"));
    }

    [Fact]
    public void WhenStillLoading_ThenSkeletonsAreShown()
    {
        var cut = Ctx.Render<ThreadList>(p => p.Add(x => x.State, new InboxState { IsLoading = true }));

        Assert.NotEmpty(cut.FindAll(".thread-skeleton"));
    }

    [Fact]
    public async Task WhenUnreadTotalChanges_ThenNavBadgeFollowsTheStore()
    {
        await SeedAsync(Thread(1, 1, unread: 2));
        var cut = Ctx.Render<NavMenu>();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=nav-unread]").TextContent));

        Dispatcher.Dispatch(new InboxEventReceivedAction(new ThreadChanged(1, Thread(1, 1), null, TotalUnread: 0)));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=nav-unread]")));
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.App.Components.Layout;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Components;

/// <summary>Search, filters, needs-reply and previews on the thread list, against a real store and database.</summary>
public class ThreadTriageTests : MudTestBase
{
    /// <summary>The thread list as the inbox page renders it: re-rendered on every store change.</summary>
    public sealed class ThreadListHost : FluxorComponent
    {
        [Inject] private IState<InboxState> Inbox { get; set; } = null!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<ThreadList>(0);
            builder.AddComponentParameter(1, nameof(ThreadList.State), Inbox.Value);
            builder.CloseComponent();
        }
    }

    private static readonly TimeSpan Debounced = TimeSpan.FromSeconds(3);

    private async Task SeedAsync(string first, string last, string phone, string lastMessage, int minutesAgo,
        bool needsReply = false, int unread = 0, bool optedOut = false)
    {
        await using var db = await Db.CreateDbContextAsync();
        var contact = new Contact { AgentId = AgentId, FirstName = first, LastName = last, Phone = phone, IsOptedOut = optedOut };
        db.Conversations.Add(new Conversation
        {
            AgentId = AgentId, AgentNumber = "+15005550006", Contact = contact, LastMessagePreview = lastMessage,
            LastMessageAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), NeedsReply = needsReply, UnreadCount = unread,
            LastMessageDirection = needsReply ? MessageDirection.Inbound : MessageDirection.Outbound, LastMessageStatus = "delivered",
        });
        await db.SaveChangesAsync();
    }

    private async Task SeedThreeAsync()
    {
        await SeedAsync("Maria", "Lopez", "+12125550147", "Do they allow pets?", 1, needsReply: true, unread: 1);
        await SeedAsync("James", "Carter", "+16175550162", "Thanks, see you Saturday", 2);
        await SeedAsync("", "", "+13125550190", "What's the asking price on Oak St?", 3, needsReply: true);
    }

    private async Task<IRenderedComponent<ThreadListHost>> RenderLoadedAsync()
    {
        await InitializeStoreAsync();
        var cut = Ctx.Render<ThreadListHost>();
        Dispatcher.Dispatch(new LoadThreadsAction());
        // State first, then the markup: components render state changes once a burst of them is over.
        cut.WaitForAssertion(() => Assert.True(Inbox.Value.HasLoaded && cut.FindAll("[data-testid=thread-item]").Count == Inbox.Value.Threads.Count));
        return cut;
    }

    // Found and fired on the renderer's thread, so no render in between can retire the element's handler.
    private const string SearchBox = "input[data-testid=inbox-search]";

    private static Task TypeAsync(IRenderedComponent<ThreadListHost> cut, string text) => cut.InvokeAsync(() => cut.Find(SearchBox).Input(text));

    private static Task ClickAsync(IRenderedComponent<ThreadListHost> cut, string selector, int index = 0) =>
        cut.InvokeAsync(() => cut.FindAll(selector)[index].ClickAsync(new MouseEventArgs()));

    private static IReadOnlyList<string?> Phones(IRenderedComponent<ThreadListHost> cut) =>
        cut.FindAll("[data-testid=thread-item]").Select(i => i.GetAttribute("data-phone")).ToList();

    [Fact]
    public async Task WhenTheAgentTypesAName_ThenTheListFiltersAsTheyTypeAndEscShowsAllAgain()
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();
        Assert.Equal(3, Phones(cut).Count);

        await TypeAsync(cut, "mari");

        cut.WaitForAssertion(() => Assert.Equal(["+12125550147"], Phones(cut)), Debounced);
        Assert.Equal("mari", Inbox.Value.Query.Search);

        await cut.InvokeAsync(() => cut.Find(SearchBox).KeyDownAsync(new KeyboardEventArgs { Key = "Escape" }));

        cut.WaitForAssertion(() => Assert.Equal(3, Phones(cut).Count));
        Assert.True(Inbox.Value.Query.IsAll);
        Assert.Equal("", cut.Find(SearchBox).GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task WhenTheSearchHasText_ThenItsClearButtonShowsAllAgain()
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();
        Assert.Empty(cut.FindAll("[data-testid=inbox-search-clear]"));

        await TypeAsync(cut, "mari");
        cut.WaitForAssertion(() => Assert.Equal(["+12125550147"], Phones(cut)), Debounced);

        await ClickAsync(cut, "[data-testid=inbox-search-clear]");

        cut.WaitForAssertion(() => Assert.Equal(3, Phones(cut).Count));
        Assert.True(Inbox.Value.Query.IsAll);
        Assert.Equal("", cut.Find(SearchBox).GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[data-testid=inbox-search-clear]"));
    }

    [Theory]
    [InlineData("(312) 555-0190", "+13125550190")]
    [InlineData("212-555", "+12125550147")]
    [InlineData("asking oak", "+13125550190")]
    [InlineData("CARTER", "+16175550162")]
    public async Task WhenTheAgentSearchesByNumberOrMessageWords_ThenTheServerFindsTheThread(string typed, string found)
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();

        await TypeAsync(cut, typed);

        cut.WaitForAssertion(() => Assert.Equal([found], Phones(cut)), Debounced);
    }

    [Fact]
    public async Task WhenTypingQuickly_ThenOnlyTheLastTextIsSearched()
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();
        var searched = new List<string?>();
        Dispatcher.ActionDispatched += (_, e) => { if (e.Action is SearchThreadsAction s) searched.Add(s.Search); };

        // All four keys inside one turn of the renderer: on a loaded machine, separate turns can be further apart
        // than the debounce, which is a slow typist, not what this test is about.
        await cut.InvokeAsync(() =>
        {
            foreach (var text in new[] { "j", "ja", "jam", "jame" }) cut.Find(SearchBox).Input(text);
        });

        cut.WaitForAssertion(() => Assert.Equal(["+16175550162"], Phones(cut)), Debounced);
        Assert.Equal(["jame"], searched);
    }

    [Fact]
    public async Task WhenTheAgentPicksNeedsReply_ThenOnlyThreadsAwaitingAnAnswerShowWithTheirMarker()
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();
        Assert.Equal("2", cut.Find("[data-testid=filter-needs-reply-count]").TextContent);

        await ClickAsync(cut, "[data-testid=inbox-filter] [data-filter=NeedsReply]");

        cut.WaitForAssertion(() => Assert.Equal(["+12125550147", "+13125550190"], Phones(cut)));
        Assert.Equal("true", cut.Find("[data-filter=NeedsReply]").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-filter=All]").GetAttribute("aria-pressed"));
        Assert.All(cut.FindAll("[data-testid=thread-item]"), row => Assert.NotNull(row.QuerySelector("[data-testid=thread-needs-reply]")));
    }

    [Theory]
    [InlineData("Unread", new[] { "+12125550147" })]
    [InlineData("OptedOut", new[] { "+16175550162" })]
    [InlineData("All", new[] { "+12125550147", "+16175550162", "+13125550190" })]
    public async Task WhenTheAgentPicksAFilter_ThenItsThreadsShow(string filter, string[] phones)
    {
        await SeedAsync("Maria", "Lopez", "+12125550147", "Do they allow pets?", 1, needsReply: true, unread: 1);
        await SeedAsync("James", "Carter", "+16175550162", "STOP", 2, optedOut: true);
        await SeedAsync("", "", "+13125550190", "Price?", 3, needsReply: true);
        var cut = await RenderLoadedAsync();
        await ClickAsync(cut, "[data-filter=Unread]");

        await ClickAsync(cut, $"[data-filter={filter}]");

        cut.WaitForAssertion(() => Assert.Equal(phones, Phones(cut)));
    }

    [Fact]
    public async Task WhenASearchWithAFilterFindsNothing_ThenTheListSaysSoAndShowAllResetsBoth()
    {
        await SeedThreeAsync();
        var cut = await RenderLoadedAsync();
        await ClickAsync(cut, "[data-filter=Failed]");
        await TypeAsync(cut, "maria");

        cut.WaitForAssertion(() => Assert.Contains("maria", cut.Find("[data-testid=inbox-no-match]").TextContent), Debounced);
        await ClickAsync(cut, "[data-testid=inbox-no-match] button");

        cut.WaitForAssertion(() => Assert.Equal(3, Phones(cut).Count));
        Assert.True(Inbox.Value.Query.IsAll);
    }

    [Fact]
    public async Task WhenTheContactWritesTheAgentReadsAndThenReplies_ThenNeedsReplyIsSetKeptAndCleared()
    {
        await using var inbox = await TestInbox.CreateAsync();
        await InitializeStoreAsync();
        Dispatcher.Dispatch(new LoadThreadsResultAction(new ThreadPage([], 0, 0), false));
        var list = Ctx.Render<ThreadListHost>();
        var nav = Ctx.Render<NavMenu>();
        // The writer's events, as the live subscription hands them to this circuit's store.
        async Task Apply(Func<Task<WriteResult>> write)
        {
            var before = inbox.Events.All.Count;
            await write();
            foreach (var e in inbox.Events.All.Skip(before)) Dispatcher.Dispatch(new InboxEventReceivedAction(e));
        }
        var row = () => list.Find("[data-testid=thread-item][data-phone='+13125550190']");

        await Apply(() => inbox.ReceiveAsync("+13125550190", "Is the Oak St place still available?"));
        list.WaitForAssertion(() => Assert.NotNull(row().QuerySelector("[data-testid=thread-needs-reply]")));
        nav.WaitForAssertion(() => Assert.Equal("1", nav.Find("[data-testid=nav-needs-reply]").TextContent));
        var id = long.Parse(row().GetAttribute("data-conversation-id")!);

        await Apply(() => inbox.Writer.ExecuteAsync(new MarkConversationRead(inbox.Agent.Id, id)));
        list.WaitForAssertion(() => Assert.Null(row().QuerySelector("[data-testid=thread-unread]")));
        Assert.NotNull(row().QuerySelector("[data-testid=thread-needs-reply]"));
        Assert.Equal("1", nav.Find("[data-testid=nav-needs-reply]").TextContent);

        await Apply(() => inbox.Writer.ExecuteAsync(new QueueOutbound(inbox.Agent.Id, id, null, "Yes! Want to see it Saturday?")));
        list.WaitForAssertion(() => Assert.Null(row().QuerySelector("[data-testid=thread-needs-reply]")));
        Assert.Equal("You: Yes! Want to see it Saturday?", row().QuerySelector("[data-testid=thread-preview]")!.TextContent);
        nav.WaitForAssertion(() => Assert.Empty(nav.FindAll("[data-testid=nav-needs-reply]")));

        await Apply(() => inbox.ReceiveAsync("+13125550190", "Saturday works"));
        list.WaitForAssertion(() => Assert.NotNull(row().QuerySelector("[data-testid=thread-needs-reply]")));

        await Apply(() => inbox.Writer.ExecuteAsync(new MarkConversationDone(inbox.Agent.Id, id)));
        list.WaitForAssertion(() => Assert.Null(row().QuerySelector("[data-testid=thread-needs-reply]")));
        Assert.Null(row().QuerySelector("[data-testid=thread-done]"));
    }

    [Fact]
    public async Task WhenTheAgentsOwnMessageIsLast_ThenThePreviewSaysYouAndAFailedOrCanceledOneIsMarked()
    {
        ThreadSummary Own(long id, string status) =>
            Thread(id, (int)id, preview: $"text {id}") with { LastDirection = MessageDirection.Outbound, LastStatus = status };
        await InitializeStoreAsync();
        Dispatcher.Dispatch(new LoadThreadsResultAction(new ThreadPage(
            [Thread(1, 1, preview: "Hi there"), Own(2, "delivered"), Own(3, "failed"), Own(4, "undelivered"), Own(5, "canceled"), Own(6, "queued")], 6, 0), false));

        var cut = Ctx.Render<ThreadListHost>();

        var rows = cut.FindAll("[data-testid=thread-item]");
        Assert.Equal("Hi there", rows[0].QuerySelector("[data-testid=thread-preview]")!.TextContent);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("You: ", r.QuerySelector("[data-testid=thread-preview]")!.TextContent));
        Assert.Equal([false, false, true, true, true, false], rows.Select(r => r.QuerySelector("[data-testid=thread-failed]") is not null));
        Assert.Contains("not sent", rows[2].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task WhenAContactIsKnownOnlyByNumber_ThenTheRowShowsItWrittenForPeopleAndKeepsE164()
    {
        await InitializeStoreAsync();
        var unnamed = new ThreadSummary(1, 10, "+13125550190", "+13125550190", "Hi", Now, 0, false);
        var abroad = new ThreadSummary(2, 20, "+447700900123", "+447700900123", "Hello", Now.AddMinutes(-1), 0, false);
        Dispatcher.Dispatch(new LoadThreadsResultAction(new ThreadPage([unnamed, abroad], 2, 0), false));

        var cut = Ctx.Render<ThreadListHost>();

        var rows = cut.FindAll("[data-testid=thread-item]");
        Assert.Equal(["(312) 555-0190", "+44 7700 900123"], rows.Select(r => r.QuerySelector("[data-testid=thread-name]")!.TextContent));
        Assert.Equal(["+13125550190", "+447700900123"], rows.Select(r => r.GetAttribute("data-phone")));
    }

    [Fact]
    public async Task WhenTheAgentUsesARowsMenuAndDoneButton_ThenMarkUnreadAndDoneAreAskedFor()
    {
        await InitializeStoreAsync();
        Dispatcher.Dispatch(new LoadThreadsResultAction(new ThreadPage([Thread(1, 1) with { NeedsReply = true }, Thread(2, 2)], 2, 0), false));
        var asked = new List<object>();
        Dispatcher.ActionDispatched += (_, e) => { if (e.Action is MarkConversationDoneAction or MarkConversationUnreadAction) asked.Add(e.Action); };
        var cut = Ctx.Render<ThreadListHost>();
        Assert.Single(cut.FindAll("[data-testid=thread-done]"));

        await ClickAsync(cut, "[data-testid=thread-done]");
        await ClickAsync(cut, "[data-testid=thread-menu]", 1);
        Assert.Equal("true", cut.FindAll("[data-testid=thread-menu]")[1].GetAttribute("aria-expanded"));
        await ClickAsync(cut, "[data-testid=thread-mark-unread]");

        Assert.Equal([new MarkConversationDoneAction(1), new MarkConversationUnreadAction(2)], asked);
        Assert.Empty(cut.FindAll("[data-testid=thread-menu-list]"));
    }
}

using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using static Winnerr.Sms.Tests.TestSupport.Build;

namespace Winnerr.Sms.Tests.Store.InboxFeature;

public class ConversationContextReducerTests
{
    private static ContactCard Card(string first = "Maria") =>
        new(10, first, "Lopez", "+12125550010", null, null, null, [], ConsentStatus.TransactionalOnly, null, null, ContactConsentState.Transactional);

    private static ContactEventView Line(long id, int minutesAgo, string text = "Opted out by texting STOP") => new(id, Now.AddMinutes(-minutesAgo), "consent", text);

    private static InboxState Opened(ContactCard card, params ContactEventView[] events)
    {
        var state = InboxReducers.OnOpen(new InboxState(), new OpenConversationAction(1));
        return InboxReducers.OnOpened(state, new OpenConversationResultAction(1,
            new ConversationDetail(Thread(1, 0), [Message(1, 1, 30)], false) { Contact = card, Events = events }));
    }

    [Fact]
    public void WhenAConversationOpens_ThenItsContactAndRecordLinesAreInTheState()
    {
        var state = Opened(Card(), Line(7, 20));

        Assert.Equal("Maria", state.OpenContact!.FirstName);
        Assert.Equal([7L], state.OpenEvents.Select(e => e.Id));
    }

    [Fact]
    public void WhenTheContextReloads_ThenTheContactIsReplacedAndLinesAreAddedOnceInTimeOrder()
    {
        var state = Opened(Card(), Line(7, 20));

        var next = InboxReducers.OnContextLoaded(state, new LoadConversationContextResultAction(1,
            new ConversationContext(Card("María"), [Line(9, 1, "Opted back in by texting START"), Line(7, 20), Line(8, 10)])));

        Assert.Equal("María", next.OpenContact!.FirstName);
        Assert.Equal([7L, 8L, 9L], next.OpenEvents.Select(e => e.Id));
    }

    [Fact]
    public void WhenAContextArrivesAfterTheAgentMovedOn_ThenItIsIgnored()
    {
        var state = InboxReducers.OnOpen(Opened(Card(), Line(7, 20)), new OpenConversationAction(2));

        var next = InboxReducers.OnContextLoaded(state, new LoadConversationContextResultAction(1, new ConversationContext(Card("Late"), [Line(9, 1)])));

        Assert.Same(state, next);
        Assert.Null(next.OpenContact);
        Assert.Empty(next.OpenEvents);
    }

    [Fact]
    public void WhenOlderMessagesLoad_ThenTheirLinesJoinTheOnesShown()
    {
        var state = Opened(Card(), Line(7, 20));

        var next = InboxReducers.OnOlderLoaded(InboxReducers.OnLoadOlder(state, new LoadOlderMessagesAction(1, 1)), new LoadOlderMessagesResultAction(1,
            new ConversationDetail(Thread(1, 0), [Message(0, 1, 600)], false) { Events = [Line(3, 500)] }));

        Assert.Equal([3L, 7L], next.OpenEvents.Select(e => e.Id));
        Assert.Equal("Maria", next.OpenContact!.FirstName);
    }

    [Fact]
    public void WhenTheConversationCloses_ThenItsContactAndLinesGo()
    {
        var next = InboxReducers.OnClose(Opened(Card(), Line(7, 20)));

        Assert.Null(next.OpenContact);
        Assert.Empty(next.OpenEvents);
    }
}

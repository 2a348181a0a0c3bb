using Bunit;
using Winnerr.Sms.App.Components.Layout;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The navigation's count of texts to review follows thread events without asking the database each time.</summary>
public class ReviewCountTests : MudTestBase
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

    private async Task<long> SeedFlaggedAsync(string phone)
    {
        await using var db = await Db.CreateDbContextAsync();
        var contact = new Contact { AgentId = AgentId, Phone = phone, RevocationFlaggedAt = At };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }

    private ThreadChanged Changed(long contactId, DateTimeOffset? flaggedAt) => new(AgentId,
        new ThreadSummary(contactId * 10, contactId, "+13125550190", "+13125550190", "text", At, 1, false,
            new ContactConsentState(ConsentStatus.TransactionalOnly, false, null, null, At, flaggedAt)),
        new MessageView(1, contactId * 10, MessageDirection.Inbound, "text", MessageStatus.Received, null, null, At), 1);

    private static string? Count(IRenderedComponent<ReviewCount> cut) =>
        cut.FindAll("[data-testid=nav-reviews]").SingleOrDefault()?.TextContent;

    [Fact]
    public async Task WhenThreadEventsRaiseAndClearFlags_ThenTheCountFollowsThem()
    {
        var waiting = await SeedFlaggedAsync("+13125550100");
        await InitializeStoreAsync();
        var cut = Ctx.Render<ReviewCount>();
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut)));

        // A text flagged as a revocation from another contact, then an ordinary text from one already counted.
        Dispatcher.Dispatch(new InboxEventReceivedAction(Changed(waiting + 1, At)));
        cut.WaitForAssertion(() => Assert.Equal("2", Count(cut)));
        Dispatcher.Dispatch(new InboxEventReceivedAction(Changed(waiting, At)));
        cut.WaitForAssertion(() => Assert.Equal("2", Count(cut)));

        // The agent decided on both (or they texted STOP): their threads' consent shows no flag.
        Dispatcher.Dispatch(new InboxEventReceivedAction(Changed(waiting, null)));
        Dispatcher.Dispatch(new InboxEventReceivedAction(Changed(waiting + 1, null)));
        cut.WaitForAssertion(() => Assert.Null(Count(cut)));
    }

    [Fact]
    public async Task WhenAContactChanges_ThenTheCountIsReadAgain()
    {
        await InitializeStoreAsync();
        var cut = Ctx.Render<ReviewCount>();
        cut.WaitForAssertion(() => Assert.Null(Count(cut)));

        var contactId = await SeedFlaggedAsync("+13125550101");
        Dispatcher.Dispatch(new InboxEventReceivedAction(new ContactChanged(AgentId, contactId)));
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut)));
    }
}

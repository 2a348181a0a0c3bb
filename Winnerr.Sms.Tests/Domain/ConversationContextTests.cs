using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>What the open conversation loads about its contact, drafts, and naming a number through the single writer.</summary>
public class ConversationContextTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        _inbox = await TestInbox.CreateAsync();
        _conversationId = (await _inbox.ReceiveAsync("+12125550147", "Is 418 Maple still available?")).ConversationId!.Value;
    }

    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private long Agent => _inbox.Agent.Id;
    private InboxQueries Queries => new(_inbox.Db);
    private ContactService Contacts => _inbox.Services.GetRequiredService<ContactService>();

    private async Task<long> ContactIdAsync()
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        return await db.Conversations.Where(c => c.Id == _conversationId).Select(c => c.ContactId).SingleAsync();
    }

    [Fact]
    public async Task WhenAConversationOpens_ThenItCarriesTheContactAndOnlyTheConsentLinesOfTheRecord()
    {
        await _inbox.ReceiveAsync("+12125550147", "STOP");
        await _inbox.ReceiveAsync("+12125550147", "START");
        var contactId = await ContactIdAsync();
        await Contacts.UpdateAsync(Agent, contactId, new ContactInput("Maria", "Lopez", "+12125550147", PropertyAddress: "418 Maple Ave", Tags: ["buyer"],
            TimeZone: "America/Chicago", Consent: ConsentStatus.TransactionalOnly));

        var detail = await Queries.GetConversationAsync(Agent, _conversationId);

        var card = detail!.Contact!;
        Assert.Equal(("Maria", "Lopez", "418 Maple Ave", "America/Chicago"), (card.FirstName, card.LastName, card.PropertyAddress, card.TimeZone));
        Assert.Equal(["buyer"], card.Tags);
        Assert.Equal(detail.Thread.Consent, card.ConsentState);
        Assert.Equal(["Opted out by texting STOP", "Opted back in by texting START (transactional only)"], detail.Events.Select(e => e.Text));
        Assert.All(detail.Events, e => Assert.Equal("consent", e.Kind));
    }

    [Fact]
    public async Task WhenOnlyTheNewestPageIsLoaded_ThenOnlyLinesFromItsSpanCome()
    {
        await _inbox.ReceiveAsync("+12125550147", "STOP");
        for (var i = 0; i < InboxQueries.MessagePageSize; i++) await _inbox.ReceiveAsync("+12125550147", $"text {i}");

        var newest = await Queries.GetConversationAsync(Agent, _conversationId);
        var older = await Queries.GetConversationAsync(Agent, _conversationId, newest!.Messages[0].Id);

        Assert.True(newest.HasOlder);
        Assert.Empty(newest.Events);
        Assert.Equal("Opted out by texting STOP", Assert.Single(older!.Events).Text);
    }

    [Fact]
    public async Task WhenAnUnnamedNumberIsNamed_ThenTheThreadAndPeopleHearOfItAndTheConsentOnRecordStands()
    {
        var contactId = await ContactIdAsync();
        var before = (await Queries.GetConversationAsync(Agent, _conversationId))!.Contact!;

        var result = await Contacts.UpdateAsync(Agent, contactId, new ContactInput("Maria", "", before.Phone, Consent: before.Consent, ConsentSource: before.ConsentSource));

        Assert.True(result.Saved, result.Error);
        var events = _inbox.Events.All;
        Assert.Contains(events, e => e is ThreadChanged { Thread.ContactName: "Maria" } t && t.Thread.ConversationId == _conversationId);
        Assert.Contains(events, e => e is ContactChanged c && c.ContactId == contactId);
        var after = (await Queries.GetConversationAsync(Agent, _conversationId))!;
        Assert.Equal((before.Consent, before.ConsentSource, before.ConsentAt), (after.Contact!.Consent, after.Contact.ConsentSource, after.Contact.ConsentAt));
        Assert.Empty(after.Events);
        var (timeline, _) = await Contacts.TimelineAsync(Agent, contactId, 0, 10);
        Assert.Contains(timeline, t => t.Text == "Edited name");
    }

    [Fact]
    public async Task WhenADraftIsSaved_ThenItIsKeptWithoutMovingTheThreadOrTellingAnyone()
    {
        var eventsBefore = _inbox.Events.All.Count;
        await using var db0 = await _inbox.Db.CreateDbContextAsync();
        var before = await db0.Conversations.AsNoTracking().SingleAsync(c => c.Id == _conversationId);

        var result = await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent, _conversationId, "Yes, it is! Would you like"));

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal("Yes, it is! Would you like", await Queries.GetDraftAsync(Agent, _conversationId));
        Assert.Equal(eventsBefore, _inbox.Events.All.Count);
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var after = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == _conversationId);
        Assert.Equal((before.LastMessageAt, before.LastMessagePreview, before.UnreadCount, before.NeedsReply),
            (after.LastMessageAt, after.LastMessagePreview, after.UnreadCount, after.NeedsReply));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task WhenABlankDraftIsSaved_ThenTheDraftIsCleared(string? blank)
    {
        await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent, _conversationId, "something"));

        await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent, _conversationId, blank));

        Assert.Null(await Queries.GetDraftAsync(Agent, _conversationId));
    }

    [Fact]
    public async Task WhenAnotherAgentSavesADraftInTheThread_ThenItIsRefused()
    {
        await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent, _conversationId, "mine"));

        var result = await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent + 1000, _conversationId, "theirs"));

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Equal("mine", await Queries.GetDraftAsync(Agent, _conversationId));
        Assert.Null(await Queries.GetDraftAsync(Agent + 1000, _conversationId));
    }

    [Fact]
    public async Task WhenADraftIsLongerThanAnyoneTypes_ThenItIsRefused()
    {
        var result = await _inbox.Writer.ExecuteAsync(new SaveDraft(Agent, _conversationId, new string('a', SaveDraftHandler.MaxLength + 1)));

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Null(await Queries.GetDraftAsync(Agent, _conversationId));
    }
}

using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>Needs reply, done and unread through the single writer; filters and search through the list query.</summary>
public class InboxTriageTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;
    private InboxQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _inbox = await TestInbox.CreateAsync();
        _queries = new InboxQueries(_inbox.Db);
    }

    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private long Agent => _inbox.Agent.Id;

    private async Task<long> ThreadOfAsync(string phone)
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        return await db.Conversations.Where(c => c.Contact.Phone == phone).Select(c => c.Id).SingleAsync();
    }

    private async Task<Conversation> ConversationAsync(long id)
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        return await db.Conversations.SingleAsync(c => c.Id == id);
    }

    private ThreadChanged LastThreadChanged() => _inbox.Events.All.OfType<ThreadChanged>().Last();

    private Task<WriteResult> ReplyAsync(long conversationId, string body) =>
        _inbox.Writer.ExecuteAsync(new QueueOutbound(Agent, conversationId, null, body));

    private async Task<IReadOnlyList<string>> PhonesAsync(ThreadQuery query) =>
        (await _queries.GetThreadsAsync(Agent, 0, 50, query)).Threads.Select(t => t.ContactPhone).ToList();

    [Fact]
    public async Task WhenContactTexts_ThenThreadNeedsReplyAndTheEventCarriesTheCount()
    {
        await _inbox.ReceiveAsync("+13125550190", "Is it still available?");
        await _inbox.ReceiveAsync("+13125550191", "Price?");

        var changed = LastThreadChanged();
        Assert.True(changed.Thread.NeedsReply);
        Assert.Equal(MessageDirection.Inbound, changed.Thread.LastDirection);
        Assert.Equal(2, changed.TotalNeedsReply);
        Assert.Equal(2, (await _queries.GetThreadsAsync(Agent, 0, 10)).TotalNeedsReply);
    }

    [Fact]
    public async Task WhenAgentReads_ThenThreadStillNeedsReply()
    {
        await _inbox.ReceiveAsync("+13125550190", "Is it still available?");
        var id = await ThreadOfAsync("+13125550190");

        await _inbox.Writer.ExecuteAsync(new MarkConversationRead(Agent, id));

        var changed = LastThreadChanged();
        Assert.Equal((0, true, 1), (changed.Thread.UnreadCount, changed.Thread.NeedsReply, changed.TotalNeedsReply));
        Assert.True((await ConversationAsync(id)).NeedsReply);
    }

    [Fact]
    public async Task WhenAgentReplies_ThenNeedsReplyClearsAndPreviewIsTheirs()
    {
        await _inbox.ReceiveAsync("+13125550190", "Is it still available?");
        var id = await ThreadOfAsync("+13125550190");

        await ReplyAsync(id, "Yes! Want to see it Saturday?");

        var changed = LastThreadChanged();
        Assert.False(changed.Thread.NeedsReply);
        Assert.Equal(MessageDirection.Outbound, changed.Thread.LastDirection);
        Assert.Equal(0, changed.TotalNeedsReply);
        Assert.False((await ConversationAsync(id)).NeedsReply);
    }

    [Fact]
    public async Task WhenContactTextsAgainAfterTheReply_ThenItNeedsReplyAgain()
    {
        await _inbox.ReceiveAsync("+13125550190", "Is it still available?");
        var id = await ThreadOfAsync("+13125550190");
        await ReplyAsync(id, "Yes!");

        await _inbox.ReceiveAsync("+13125550190", "Great, when?");

        Assert.True((await ConversationAsync(id)).NeedsReply);
        Assert.Equal(1, LastThreadChanged().TotalNeedsReply);
    }

    [Fact]
    public async Task WhenAgentMarksDone_ThenNeedsReplyClearsLiveAndMarkingAgainChangesNothing()
    {
        await _inbox.ReceiveAsync("+13125550190", "Thanks!");
        var id = await ThreadOfAsync("+13125550190");

        var result = await _inbox.Writer.ExecuteAsync(new MarkConversationDone(Agent, id));
        var events = _inbox.Events.All.Count;
        var again = await _inbox.Writer.ExecuteAsync(new MarkConversationDone(Agent, id));

        Assert.Equal((WriteOutcome.Done, WriteOutcome.Done), (result.Outcome, again.Outcome));
        var changed = LastThreadChanged();
        Assert.Equal((false, 0, 1), (changed.Thread.NeedsReply, changed.TotalNeedsReply, changed.Thread.UnreadCount));
        Assert.Equal(events, _inbox.Events.All.Count);
        Assert.False((await ConversationAsync(id)).NeedsReply);
    }

    [Fact]
    public async Task WhenAnotherAgentMarksTheThread_ThenItIsNotFound()
    {
        await _inbox.ReceiveAsync("+13125550190", "Thanks!");
        var id = await ThreadOfAsync("+13125550190");

        var done = await _inbox.Writer.ExecuteAsync(new MarkConversationDone(Agent + 1, id));
        var unread = await _inbox.Writer.ExecuteAsync(new MarkConversationUnread(Agent + 1, id));

        Assert.Equal((WriteOutcome.NotFound, WriteOutcome.NotFound), (done.Outcome, unread.Outcome));
        Assert.True((await ConversationAsync(id)).NeedsReply);
    }

    [Fact]
    public async Task WhenAgentMarksAReadThreadUnread_ThenItCountsOneUnreadLive()
    {
        await _inbox.ReceiveAsync("+13125550190", "Thanks!");
        var id = await ThreadOfAsync("+13125550190");
        await _inbox.Writer.ExecuteAsync(new MarkConversationRead(Agent, id));

        await _inbox.Writer.ExecuteAsync(new MarkConversationUnread(Agent, id));

        var changed = LastThreadChanged();
        Assert.Equal((1, 1), (changed.Thread.UnreadCount, changed.TotalUnread));
        Assert.Equal(1, (await ConversationAsync(id)).UnreadCount);
    }

    [Fact]
    public async Task WhenContactTextsStop_ThenThereIsNothingToReplyTo()
    {
        await _inbox.ReceiveAsync("+13125550190", "Hello");
        await _inbox.ReceiveAsync("+13125550190", "STOP");

        Assert.False(LastThreadChanged().Thread.NeedsReply);
        Assert.Equal(0, LastThreadChanged().TotalNeedsReply);
    }

    [Fact]
    public async Task WhenTheListIsFiltered_ThenEachFilterKeepsItsThreadsAndCountsThem()
    {
        await _inbox.ReceiveAsync("+13125550101", "unread and waiting");
        await _inbox.ReceiveAsync("+13125550102", "read but waiting");
        await _inbox.Writer.ExecuteAsync(new MarkConversationRead(Agent, await ThreadOfAsync("+13125550102")));
        await _inbox.ReceiveAsync("+13125550103", "answered");
        await ReplyAsync(await ThreadOfAsync("+13125550103"), "Answered you");
        await _inbox.ReceiveAsync("+13125550104", "failed reply");
        var failed = await ReplyAsync(await ThreadOfAsync("+13125550104"), "This one fails");
        await _inbox.Writer.ExecuteAsync(new ApplyStatus(failed.Outbound!.MessageId, "SMfail", MessageStatus.Undelivered, 30003, null));
        await _inbox.ReceiveAsync("+13125550105", "STOP");

        Assert.Equal(5, (await PhonesAsync(ThreadQuery.All)).Count);
        Assert.Equal(["+13125550105", "+13125550101"], await PhonesAsync(new(InboxFilter.Unread)));
        Assert.Equal(["+13125550102", "+13125550101"], await PhonesAsync(new(InboxFilter.NeedsReply)));
        Assert.Equal(["+13125550104"], await PhonesAsync(new(InboxFilter.Failed)));
        Assert.Equal(["+13125550105"], await PhonesAsync(new(InboxFilter.OptedOut)));
        var page = await _queries.GetThreadsAsync(Agent, 0, 1, new(InboxFilter.NeedsReply));
        Assert.Equal((1, 2, 2, 2), (page.Threads.Count, page.TotalCount, page.TotalNeedsReply, page.TotalUnread));
    }

    [Fact]
    public async Task WhenTheAgentSearches_ThenNameNumberInAnyFormatAndLastMessageWordsFind()
    {
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            db.Contacts.Add(new() { AgentId = Agent, Phone = "+12125550147", FirstName = "Maria", LastName = "Lopez", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await _inbox.ReceiveAsync("+12125550147", "Do they allow pets?");
        await _inbox.ReceiveAsync("+13125550190", "What's the asking price on Oak St?");
        await _inbox.ReceiveAsync("+13125550191", "100% sure, see you at 5_30");

        Assert.Equal(["+12125550147"], await PhonesAsync(new(Search: "maria")));
        Assert.Equal(["+12125550147"], await PhonesAsync(new(Search: "lopez MARIA")));
        Assert.Equal(["+12125550147"], await PhonesAsync(new(Search: "(212) 555-0147")));
        Assert.Equal(["+12125550147"], await PhonesAsync(new(Search: "212.555")));
        Assert.Equal(["+13125550190"], await PhonesAsync(new(Search: "+1 312 555 0190")));
        Assert.Equal(["+13125550190"], await PhonesAsync(new(Search: "price oak")));
        Assert.Equal(["+13125550191"], await PhonesAsync(new(Search: "100%")));
        Assert.Equal(["+13125550191"], await PhonesAsync(new(Search: "5_30")));
        Assert.Empty(await PhonesAsync(new(Search: "5%30")));
        Assert.Empty(await PhonesAsync(new(InboxFilter.OptedOut, "maria")));
        Assert.Equal(3, (await PhonesAsync(new(Search: "   "))).Count);
    }

    [Fact]
    public async Task WhenRowsAreMatchedInMemory_ThenTheRulesAreTheDatabases()
    {
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            db.Contacts.Add(new() { AgentId = Agent, Phone = "+12125550147", FirstName = "Maria", LastName = "Lopez", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await _inbox.ReceiveAsync("+12125550147", "Do they allow pets?");
        await _inbox.ReceiveAsync("+13125550190", "What's the asking price on Oak St?");
        var id = await ThreadOfAsync("+13125550190");
        await ReplyAsync(id, "It's 450k");
        var all = (await _queries.GetThreadsAsync(Agent, 0, 50)).Threads;

        ThreadQuery[] queries =
        [
            new(Search: "maria"), new(Search: "212 555"), new(Search: "450k"), new(Search: "oak"), new(Search: "+1312"), new(Search: "pets maria"),
            new(InboxFilter.NeedsReply), new(InboxFilter.Unread), new(InboxFilter.Failed), new(InboxFilter.OptedOut), new(InboxFilter.NeedsReply, "450k"),
        ];
        foreach (var query in queries)
            Assert.Equal(await PhonesAsync(query), all.Where(query.Matches).Select(t => t.ContactPhone).ToList());
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Conversations.Commands;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain;

public class InboxWriterTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;

    public async Task InitializeAsync() => _inbox = await TestInbox.CreateAsync();
    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    [Fact]
    public async Task WhenUnknownNumberTexts_ThenContactAndConversationAreCreatedNamedByNumber()
    {
        var result = await _inbox.ReceiveAsync("+13125550190", "What's the asking price?");

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync();
        Assert.Equal("+13125550190", conversation.Contact.Phone);
        Assert.Equal("+13125550190", conversation.Contact.DisplayName);
        Assert.Equal(1, conversation.UnreadCount);
        Assert.Equal("What's the asking price?", conversation.LastMessagePreview);
        var changed = Assert.IsType<ThreadChanged>(Assert.Single(_inbox.Events.All));
        Assert.Equal(1, changed.TotalUnread);
        Assert.Equal(conversation.Id, changed.Thread.ConversationId);
        Assert.Equal(MessageDirection.Inbound, changed.NewMessage!.Direction);
    }

    [Fact]
    public async Task WhenSameNumberTextsAgain_ThenSameConversationGainsUnread()
    {
        await _inbox.ReceiveAsync("+13125550190", "one");
        await _inbox.ReceiveAsync("(312) 555-0190", "two");

        await using var db = await _inbox.Db.CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(2, conversation.UnreadCount);
        Assert.Equal("two", conversation.LastMessagePreview);
        Assert.Equal(2, await db.Messages.CountAsync());
        Assert.Equal(1, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task WhenManyTextsFromNewNumbersArriveAtOnce_ThenEachNumberGetsOneConversation()
    {
        var numbers = Enumerable.Range(0, 20).Select(i => $"+1312555{i:D4}").ToList();
        await Task.WhenAll(numbers.SelectMany(n => new[] { _inbox.ReceiveAsync(n, "a"), _inbox.ReceiveAsync(n, "b") }));

        await using var db = await _inbox.Db.CreateDbContextAsync();
        Assert.Equal(20, await db.Contacts.CountAsync());
        Assert.Equal(20, await db.Conversations.CountAsync());
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.Equal(2, c.UnreadCount));
    }

    [Fact]
    public async Task WhenSameSidArrivesTwice_ThenSecondIsANoOp()
    {
        var first = await _inbox.ReceiveAsync("+13125550190", "hello", sid: "SMdup");
        var second = await _inbox.ReceiveAsync("+13125550190", "hello", sid: "SMdup");

        Assert.Equal(WriteOutcome.Done, first.Outcome);
        Assert.Equal(WriteOutcome.Duplicate, second.Outcome);
        await using var db = await _inbox.Db.CreateDbContextAsync();
        Assert.Equal(1, await db.Messages.CountAsync());
        Assert.Equal(1, (await db.Conversations.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task WhenContactTextsStopThenStart_ThenOptOutIsRecordedAndLifted()
    {
        await _inbox.ReceiveAsync("+13125550190", " stop ");
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.True(contact.IsOptedOut);
            Assert.Equal("STOP", contact.OptOutKeyword);
            Assert.NotNull(contact.OptOutAt);
        }

        await _inbox.ReceiveAsync("+13125550190", "START");
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.False(contact.IsOptedOut);
            Assert.Equal("START", contact.OptOutKeyword);
            Assert.Equal(["STOP", "START"], await db.Messages.OrderBy(m => m.Id).Select(m => m.Keyword).ToListAsync());
        }
    }

    [Fact]
    public async Task WhenStatusCallbacksArriveOutOfOrder_ThenDeliveredIsNotOverwritten()
    {
        var queued = await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, "+13125550190", "See you at 2"));
        var id = queued.Outbound!.MessageId;

        await _inbox.Writer.ExecuteAsync(new ApplyStatus(id, "SMout", "delivered", null, null));
        await _inbox.Writer.ExecuteAsync(new ApplyStatus(id, "SMout", "sent", null, null));
        await _inbox.Writer.ExecuteAsync(new RecordSendOutcome(id, null, SendResult.Accepted("SMout", "queued")));

        await using var db = await _inbox.Db.CreateDbContextAsync();
        var message = await db.Messages.SingleAsync();
        Assert.Equal("delivered", message.Status);
        Assert.Equal("SMout", message.Sid);
        Assert.Single(_inbox.Events.All.OfType<MessageStatusChanged>());
    }

    [Fact]
    public async Task WhenTheHandsetIsUnreachableAndAgentRetries_ThenMessageIsQueuedAgainWithoutError()
    {
        var queued = await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, "+13125550190", "hello"));
        var id = queued.Outbound!.MessageId;
        await _inbox.Writer.ExecuteAsync(new RecordSendOutcome(id, null, SendResult.Refused(SendOutcome.Final, 30003, "Unreachable destination handset")));

        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var failed = await db.Messages.SingleAsync();
            Assert.Equal(("failed", 30003), (failed.Status, failed.ErrorCode));
            Assert.Equal(0, await db.Outbox.CountAsync());
        }

        var retry = await _inbox.Writer.ExecuteAsync(new RetryOutbound(_inbox.Agent.Id, id));
        Assert.Equal(id, retry.Outbound!.MessageId);
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var again = await db.Messages.SingleAsync();
            Assert.Equal(("queued", (int?)null, (string?)null), (again.Status, again.ErrorCode, again.Sid));
            Assert.Equal(id, (await db.Outbox.SingleAsync()).MessageId);
        }
    }

    [Fact]
    public async Task WhenTwilioSaysTheRecipientOptedOut_ThenTheContactIsOptedOutAndRetryIsNotOffered()
    {
        var queued = await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, "+13125550190", "hello"));
        var id = queued.Outbound!.MessageId;
        await _inbox.Writer.ExecuteAsync(new RecordSendOutcome(id, null, SendResult.Refused(SendOutcome.Final, 21610, "Attempt to send to unsubscribed recipient")));

        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var failed = await db.Messages.Include(m => m.Contact).SingleAsync();
            Assert.Equal(("failed", 21610), (failed.Status, failed.ErrorCode));
            Assert.Contains("opted out", failed.ErrorMessage);
            Assert.True(failed.Contact.IsKeywordOptOut);
            Assert.False(MessageView.From(failed).CanRetry);
        }
        var retry = await _inbox.Writer.ExecuteAsync(new RetryOutbound(_inbox.Agent.Id, id));
        Assert.Equal(WriteOutcome.Invalid, retry.Outcome);
    }

    [Theory]
    [InlineData("", "Type a message first.")]
    [InlineData("   \n", "Type a message first.")]
    [InlineData("12345", "not a valid phone number")]
    public async Task WhenOutboundInputIsBad_ThenItIsRefusedWithAReasonAndNothingIsStored(string body, string reason)
    {
        var to = reason.Contains("phone") ? "12345" : "+13125550190";
        var text = reason.Contains("phone") ? "hello" : body;
        var result = await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, to, text));

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains(reason, result.Error);
        await using var db = await _inbox.Db.CreateDbContextAsync();
        Assert.Equal(0, await db.Messages.CountAsync());
    }

    [Fact]
    public async Task WhenOutboundIsTooLong_ThenItIsRefusedWithTheCount()
    {
        var result = await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, "+13125550190", new string('x', 1601)));
        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Contains("1,601", result.Error);
    }

    [Fact]
    public async Task WhenAConversationIsLong_ThenItLoadsNewestFirstAndOlderPagesOnRequest()
    {
        for (var i = 0; i < 130; i++) await _inbox.ReceiveAsync("+13125550190", $"text {i}");
        var queries = new InboxQueries(_inbox.Db);
        var conversationId = (await queries.GetThreadsAsync(_inbox.Agent.Id, 0, 1)).Threads.Single().ConversationId;

        var newest = await queries.GetConversationAsync(_inbox.Agent.Id, conversationId);
        var older = await queries.GetConversationAsync(_inbox.Agent.Id, conversationId, newest!.Messages[0].Id);

        Assert.Equal((100, true, "text 30", "text 129"), (newest.Messages.Count, newest.HasOlder, newest.Messages[0].Body, newest.Messages[^1].Body));
        Assert.Equal((30, false, "text 0", "text 29"), (older!.Messages.Count, older.HasOlder, older.Messages[0].Body, older.Messages[^1].Body));
    }

    [Fact]
    public async Task WhenOneBatchMixesTrackedAndDirectWrites_ThenTheDirectOnesSeeWhatTheTrackedOnesWrote()
    {
        // An agent texts a new number while that number texts in, in one batch: the inbound text
        // (written directly) must land in the thread the outbound one created (through EF). Commands of a
        // batch are concurrent, so the tracked ones go first whatever their place in the batch.
        var handlers = _inbox.Services.GetRequiredService<InboxCommandHandlers>();
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var (_, first) = await handlers.ApplyBatchAsync(db, [
                new QueueOutbound(_inbox.Agent.Id, null, "+13125550190", "Hi, it's Alex"),
                new ReceiveSms("SMmixed1", "+13125550190", TestInbox.AgentNumber, "Hi Alex!"),
            ], default);
            Assert.True(first.OutboxChanged);
            Assert.Contains(_inbox.Agent.Id, first.Agents);
            await tx.CommitAsync();
        }
        long conversationId;
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var conversation = await db.Conversations.SingleAsync();
            Assert.Equal(1, conversation.UnreadCount);
            Assert.True(conversation.NeedsReply);
            Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == conversation.Id));
            Assert.Equal(1, await db.Contacts.CountAsync());
            conversationId = conversation.Id;
        }
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await handlers.ApplyBatchAsync(db, [
                new ReceiveSms("SMmixed2", "+13125550190", TestInbox.AgentNumber, "Still there?"),
                new MarkConversationRead(_inbox.Agent.Id, conversationId),
                new ReceiveSms("SMmixed3", "+13125550190", TestInbox.AgentNumber, "Hello?"),
            ], default);
            await tx.CommitAsync();
        }
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var conversation = await db.Conversations.SingleAsync();
            Assert.Equal(2, conversation.UnreadCount); // read, then the two texts that arrived with the read
            Assert.Equal("Hello?", conversation.LastMessagePreview);
            Assert.Equal(4, await db.Messages.CountAsync());
        }
    }
}


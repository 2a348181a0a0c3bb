using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain.Data;

/// <summary>The direct row writes of the inbound hot path, on a real migrated SQLite file.</summary>
public class RowWriterTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;

    public async Task InitializeAsync() => _inbox = await TestInbox.CreateAsync();
    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private static readonly DateTimeOffset At = new(2026, 11, 26, 15, 2, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task WhenAContactIsInserted_ThenItsKeyIsSetAndEveryColumnReadsBackThroughEf()
    {
        var contact = new Contact
        {
            AgentId = _inbox.Agent.Id, Phone = "+13125550190", FirstName = "Maria", LastName = "Lopez", CreatedAt = At,
            Consent = ConsentStatus.MarketingOptIn, ConsentSource = "import", ConsentAt = At.AddDays(-1), ShowingAt = null, Notes = "🏡 ✓",
        };
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await using var rows = new RowWriter(db);
            await rows.InsertAsync(contact, default);
            await tx.CommitAsync();
        }

        Assert.NotEqual(0, contact.Id);
        await using var read = await _inbox.Db.CreateDbContextAsync();
        var stored = await read.Contacts.SingleAsync(c => c.Id == contact.Id);
        Assert.Equal(("Maria", "Lopez", "+13125550190", "🏡 ✓"), (stored.FirstName, stored.LastName, stored.Phone, stored.Notes));
        Assert.Equal(ConsentStatus.MarketingOptIn, stored.Consent);
        Assert.Equal(At, stored.CreatedAt);
        Assert.Equal(At.AddDays(-1), stored.ConsentAt);
        Assert.Null(stored.ShowingAt);
        Assert.Equal(_inbox.Agent.Id, stored.AgentId);
    }

    [Fact]
    public async Task WhenOnlySomeColumnsChanged_ThenAChangeAnotherWriterMadeMeanwhileIsKept()
    {
        var id = await NewContactAsync();
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var mine = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
        await using var rows = new RowWriter(db);
        var before = rows.Take(mine);

        // Another node opts the contact out after this writer read the row.
        await using (var other = await _inbox.Db.CreateDbContextAsync())
            await other.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsOptedOut, true).SetProperty(c => c.Consent, ConsentStatus.OptedOut));

        await using var tx = await db.Database.BeginTransactionAsync();
        mine.LastInboundAt = At;
        await rows.UpdateChangedAsync(mine, before);
        await tx.CommitAsync();

        await using var read = await _inbox.Db.CreateDbContextAsync();
        var stored = await read.Contacts.SingleAsync(c => c.Id == id);
        Assert.Equal(At, stored.LastInboundAt);
        Assert.True(stored.IsOptedOut);
        Assert.Equal(ConsentStatus.OptedOut, stored.Consent);
    }

    [Fact]
    public async Task WhenACounterChanged_ThenItIsWrittenAsAnIncrementSoConcurrentIncrementsAddUp()
    {
        var contactId = await NewContactAsync();
        long conversationId;
        await using (var setup = await _inbox.Db.CreateDbContextAsync())
        {
            var conversation = new Conversation { AgentId = _inbox.Agent.Id, AgentNumber = TestInbox.AgentNumber, ContactId = contactId, UnreadCount = 2 };
            setup.Conversations.Add(conversation);
            await setup.SaveChangesAsync();
            conversationId = conversation.Id;
        }
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var mine = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId);
        await using var rows = new RowWriter(db);
        var before = rows.Take(mine);

        await using (var other = await _inbox.Db.CreateDbContextAsync())
            await other.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadCount, c => c.UnreadCount + 1));

        await using var tx = await db.Database.BeginTransactionAsync();
        mine.UnreadCount += 2;
        mine.LastMessagePreview = "two more";
        await rows.UpdateChangedAsync(mine, before, new HashSet<string> { nameof(Conversation.UnreadCount) });
        await tx.CommitAsync();

        await using var read = await _inbox.Db.CreateDbContextAsync();
        var stored = await read.Conversations.SingleAsync(c => c.Id == conversationId);
        Assert.Equal(5, stored.UnreadCount);
        Assert.Equal("two more", stored.LastMessagePreview);
    }

    [Fact]
    public async Task WhenNothingChanged_ThenNothingIsWritten()
    {
        var id = await NewContactAsync();
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var mine = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
        await using var rows = new RowWriter(db);
        var before = rows.Take(mine);
        await using (var other = await _inbox.Db.CreateDbContextAsync())
            await other.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstName, "Renamed"));

        await using var tx = await db.Database.BeginTransactionAsync();
        await rows.UpdateChangedAsync(mine, before);
        await tx.CommitAsync();

        await using var read = await _inbox.Db.CreateDbContextAsync();
        Assert.Equal("Renamed", (await read.Contacts.SingleAsync(c => c.Id == id)).FirstName);
    }

    private async Task<long> NewContactAsync()
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var contact = new Contact { AgentId = _inbox.Agent.Id, Phone = "+1312555" + Random.Shared.Next(1000, 9999), FirstName = "Maria", CreatedAt = At };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }
}

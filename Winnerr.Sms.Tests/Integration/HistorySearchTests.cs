using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.History;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;
using HistoryRow = Winnerr.Sms.Core.History.HistoryRow;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>History's search and filters on a real, migrated SQLite file (FTS5 kept by triggers).</summary>
public sealed class HistorySearchTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private TestInbox _inbox = null!;
    private IMessageSearch Search => _inbox.Services.GetRequiredService<IMessageSearch>();
    private long Alex => _inbox.Agent.Id;

    public async Task InitializeAsync() => _inbox = await TestInbox.CreateAsync();
    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private async Task<List<string>> FindAsync(HistoryFilter filter, long? agent = null, TimeZoneInfo? zone = null) =>
        (await Search.PageAsync(agent ?? Alex, filter, zone ?? NewYork, null, 50)).Rows.Select(r => r.Body).ToList();

    private Task<List<string>> FindAsync(string search) => FindAsync(new HistoryFilter { Search = search });

    [Fact]
    public async Task WhenSearchingWordsPrefixesAndPhrases_ThenOnlyMatchingTextsAreFound()
    {
        var maria = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        await HistorySeed.TextsAsync(_inbox.Db, maria,
            "The inspection is on Tuesday",
            "Open house this Saturday",
            "Is the house open on Sunday?",
            "Thanks!");

        Assert.Equal(["The inspection is on Tuesday"], await FindAsync("inspection"));
        Assert.Equal(["The inspection is on Tuesday"], await FindAsync("insp"));
        Assert.Equal(["Open house this Saturday"], await FindAsync("\"open house\""));
        Assert.Equal(["Is the house open on Sunday?", "Open house this Saturday"], await FindAsync("open house"));
        Assert.Empty(await FindAsync("inspections"));
    }

    [Fact]
    public async Task WhenCaseOrAccentsDiffer_ThenTheTextIsStillFound()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "José", "Núñez");
        await HistorySeed.TextsAsync(_inbox.Db, t, "Meet at the Café Olé at NOON");

        Assert.Single(await FindAsync("cafe ole"));
        Assert.Single(await FindAsync("CAFÉ"));
        Assert.Single(await FindAsync("noon"));
        Assert.Single(await FindAsync("nunez"));
    }

    [Fact]
    public async Task WhenSearchingANameOrNumber_ThenThatContactsTextsAreFound()
    {
        var maria = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        var james = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+13125550190", "James", "Carter");
        await HistorySeed.TextsAsync(_inbox.Db, maria, "About the inspection");
        await HistorySeed.TextsAsync(_inbox.Db, james, "About the inspection too", "Price question");

        Assert.Equal(["About the inspection"], await FindAsync("lopez"));
        Assert.Equal(["About the inspection"], await FindAsync("lopez insp"));
        Assert.Equal(2, (await FindAsync("(312) 555-0190")).Count);
        Assert.Equal(2, (await FindAsync("5550190")).Count);
        Assert.Equal(2, (await FindAsync("+1 312 555 0190")).Count);
    }

    [Fact]
    public async Task WhenAContactIsRenamed_ThenTheirTextsAreFoundByTheNewName()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "", "");
        await HistorySeed.TextsAsync(_inbox.Db, t, "Hello");
        await using (var db = await _inbox.Db.CreateDbContextAsync())
            await db.Contacts.Where(c => c.Id == t.ContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstName, "Priya"));

        Assert.Equal(["Hello"], await FindAsync("priya"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unclosed")]
    [InlineData("*")]
    [InlineData("-price")]
    [InlineData("body:price")]
    [InlineData("AgentId:1")]
    [InlineData("(a OR b) AND NOT c")]
    [InlineData("NEAR(a b, 3)")]
    [InlineData("AND")]
    [InlineData("OR")]
    [InlineData("^x")]
    [InlineData("🏡")]
    [InlineData("\ud83d")]
    [InlineData("'; DROP TABLE Messages; --")]
    public async Task WhenInputIsHostile_ThenSearchAnswersWithoutError(string input)
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        await HistorySeed.TextsAsync(_inbox.Db, t, "price (a OR b) AND NOT c body:price");

        await Search.PageAsync(Alex, new HistoryFilter { Search = input }, NewYork, null, 50);
        await Search.CountAsync(Alex, new HistoryFilter { Search = input }, NewYork, 100);
    }

    [Fact]
    public async Task WhenInputIs5000Characters_ThenSearchAnswersWithoutError()
    {
        var input = string.Concat(Enumerable.Repeat("\"NEAR*-🏡 ", 500));
        Assert.Equal(5_000, input.Length);
        var page = await Search.PageAsync(Alex, new HistoryFilter { Search = input }, NewYork, null, 50);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task WhenDaysAreFiltered_ThenBoundsAreMidnightsInTheAgentsZoneAcrossDst()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        // Around Sunday Mar 8 2026, when New York springs forward (EST -5 → EDT -4).
        await HistorySeed.TextAtAsync(_inbox.Db, t, "sat late", Local(2026, 3, 7, 23, 59, -5));
        await HistorySeed.TextAtAsync(_inbox.Db, t, "sun midnight", Local(2026, 3, 8, 0, 0, -5));
        await HistorySeed.TextAtAsync(_inbox.Db, t, "sun late", Local(2026, 3, 8, 23, 59, -4));
        await HistorySeed.TextAtAsync(_inbox.Db, t, "mon midnight", Local(2026, 3, 9, 0, 0, -4));

        var sunday = new HistoryFilter { From = new DateOnly(2026, 3, 8), To = new DateOnly(2026, 3, 8) };
        Assert.Equal(["sun late", "sun midnight"], await FindAsync(sunday));
        Assert.Equal(["mon midnight", "sun late", "sun midnight"], await FindAsync(sunday with { To = new DateOnly(2026, 3, 9) }));
        Assert.Equal(["sat late"], await FindAsync(new HistoryFilter { To = new DateOnly(2026, 3, 7) }));
        // The same days in UTC hold different texts.
        Assert.Equal(["sun late", "sun midnight"], await FindAsync(sunday, zone: NewYork));
        Assert.Equal(["sun midnight", "sat late"], await FindAsync(sunday, zone: TimeZoneInfo.Utc));
    }

    private static DateTimeOffset Local(int y, int mo, int d, int h, int mi, int offset) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(offset));

    [Fact]
    public async Task WhenDirectionOrStatusIsFiltered_ThenOnlyThoseTextsAreShown()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        await HistorySeed.TextsAsync(_inbox.Db, t, "in one");
        await HistorySeed.TextAtAsync(_inbox.Db, t, "out delivered", DateTimeOffset.UtcNow, MessageDirection.Outbound, MessageStatus.Delivered);
        await HistorySeed.TextAtAsync(_inbox.Db, t, "out failed", DateTimeOffset.UtcNow, MessageDirection.Outbound, MessageStatus.Failed);
        await HistorySeed.TextAtAsync(_inbox.Db, t, "out undelivered", DateTimeOffset.UtcNow, MessageDirection.Outbound, MessageStatus.Undelivered);
        await HistorySeed.TextAtAsync(_inbox.Db, t, "campaign", DateTimeOffset.UtcNow, MessageDirection.Outbound, MessageStatus.Delivered, TextPurpose.Marketing);
        // A marketing text sent one-to-one is not a campaign text: only the campaign reference counts.
        await HistorySeed.TextAtAsync(_inbox.Db, t, "one-to-one marketing", DateTimeOffset.UtcNow, MessageDirection.Outbound, MessageStatus.Delivered, TextPurpose.Marketing);
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var campaign = new Winnerr.Sms.Core.Campaigns.Campaign
            {
                AgentId = Alex, Name = "Open house", Body = "campaign", SenderNumber = "+15005550006", AudienceId = "history-test",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            await db.Messages.Where(m => m.Body == "campaign").ExecuteUpdateAsync(u => u.SetProperty(m => m.CampaignId, campaign.Id));
        }

        Assert.Equal(["in one"], await FindAsync(new HistoryFilter { Direction = MessageDirection.Inbound }));
        Assert.Equal(5, (await FindAsync(new HistoryFilter { Direction = MessageDirection.Outbound })).Count);
        Assert.Equal(["out undelivered", "out failed"], await FindAsync(new HistoryFilter { Status = HistoryStatus.Failed }));
        Assert.Equal(["out failed"], await FindAsync(new HistoryFilter { Status = HistoryStatus.Failed, Search = "failed" }));
        Assert.Equal(["campaign"], await FindAsync(new HistoryFilter { Campaign = true }));
        Assert.DoesNotContain("campaign", await FindAsync(new HistoryFilter { Campaign = false }));
        Assert.Contains("one-to-one marketing", await FindAsync(new HistoryFilter { Campaign = false }));
        Assert.Equal(new HistoryCount(2, false), await Search.CountAsync(Alex, new HistoryFilter { Status = HistoryStatus.Failed }, NewYork, 100));
    }

    [Fact]
    public async Task WhenOneContactIsFiltered_ThenOnlyTheirTextsAreShown()
    {
        var maria = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        var james = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+13125550190", "James", "Carter");
        await HistorySeed.TextsAsync(_inbox.Db, maria, "hello maria");
        await HistorySeed.TextsAsync(_inbox.Db, james, "hello james");

        Assert.Equal(["hello james"], await FindAsync(new HistoryFilter { ContactId = james.ContactId }));
        Assert.Equal(["hello james"], await FindAsync(new HistoryFilter { ContactId = james.ContactId, Search = "hello" }));
    }

    [Fact]
    public async Task WhenAnotherAgentHasTheWords_ThenTheyAreNeverFound()
    {
        long bea;
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var agent = new Agent { Name = "Bea", Numbers = [new AgentNumber { PhoneNumber = "+13125550100" }] };
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            bea = agent.Id;
        }
        var hers = await HistorySeed.ThreadAsync(_inbox.Db, bea, "+12125550147", "Maria", "Lopez", "+13125550100");
        await HistorySeed.TextsAsync(_inbox.Db, hers, "zebrawood counter offer");
        var mine = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+16175550162", "Tom", "Nguyen");
        await HistorySeed.TextsAsync(_inbox.Db, mine, "plain text");

        Assert.Empty(await FindAsync("zebrawood"));
        Assert.Empty(await FindAsync("maria"));
        Assert.Equal(["plain text"], await FindAsync(HistoryFilter.All));
        Assert.Equal(["zebrawood counter offer"], await FindAsync(new HistoryFilter { Search = "zebrawood" }, agent: bea));
        Assert.Empty(await FindAsync(new HistoryFilter { ContactId = hers.ContactId }));
    }

    [Fact]
    public async Task WhenAMessagesStatusChanges_ThenItIsStillFoundOnce()
    {
        await _inbox.ReceiveAsync("+12125550147", "Can we see the condo?");
        var queued = await _inbox.Services.GetRequiredService<OutboundSmsService>().SendAsync(Alex, (await FindRowsAsync())[0].ConversationId, "Sure, the condo viewing is at 5");
        Assert.Equal(Winnerr.Sms.Core.Conversations.Commands.WriteOutcome.Done, queued.Outcome);
        var sent = (await FindRowsAsync("viewing")).Single();
        foreach (var status in new[] { MessageStatus.Sent, MessageStatus.Delivered })
            await _inbox.Writer.ExecuteAsync(new Winnerr.Sms.Core.Conversations.Commands.ApplyStatus(sent.Id, await SidAsync(sent.Id), status, null, null));

        var found = await FindRowsAsync("condo");
        Assert.Equal(2, found.Count);
        Assert.Single(await FindRowsAsync("viewing"));
        Assert.Equal(new HistoryCount(2, false), await Search.CountAsync(Alex, new HistoryFilter { Search = "condo" }, NewYork, 100));
    }

    private async Task<IReadOnlyList<HistoryRow>> FindRowsAsync(string? search = null) =>
        (await Search.PageAsync(Alex, new HistoryFilter { Search = search }, NewYork, null, 50)).Rows;

    private async Task<string> SidAsync(long messageId)
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var message = await db.Messages.SingleAsync(m => m.Id == messageId);
        if (message.Sid is null)
        {
            message.Sid = "SM" + Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
        }
        return message.Sid;
    }

    [Fact]
    public async Task WhenPaging_ThenKeysetPagesCoverEveryTextOnceNewestFirst()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        // Pairs share a time, so the id decides their order.
        for (var i = 0; i < 120; i++) await HistorySeed.TextAtAsync(_inbox.Db, t, $"text {i}", at.AddMinutes(i / 2));

        var seen = new List<HistoryRow>();
        HistoryCursor? after = null;
        do
        {
            var page = await Search.PageAsync(Alex, HistoryFilter.All, NewYork, after, 50);
            seen.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(120, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Equal(new HistoryCount(100, true), await Search.CountAsync(Alex, HistoryFilter.All, NewYork, 100));
    }

    [Fact]
    public async Task WhenMatchesAreMany_ThenTheTimeIndexWindowsGiveTheSamePagesAsReadingThemAll()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        var other = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+13125550190", "James", "Carter");
        // Stored out of time order on purpose: ids do not follow time, so windows of ids are wide.
        var random = new Random(7);
        var at = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var texts = Enumerable.Range(0, 400).Select(i => (Body: i % 3 == 0 ? $"showing number {i}" : $"other text {i}", At: at.AddMinutes(random.Next(0, 300)))).ToList();
        await HistorySeed.ManyAsync(_inbox.Db, t, texts);
        await HistorySeed.ManyAsync(_inbox.Db, other, texts.Take(40).ToList());
        var windows = new SqliteMessageSearch(_inbox.Db, fewMatches: 3, firstBlock: 16);
        var byIds = new SqliteMessageSearch(_inbox.Db);

        foreach (var filter in new[]
        {
            new HistoryFilter { Search = "showing" }, new HistoryFilter { Search = "showi" }, new HistoryFilter { Search = "showing", ContactId = t.ContactId },
            new HistoryFilter { Search = "showing", Direction = MessageDirection.Outbound },
            new HistoryFilter { Search = "show", From = new DateOnly(2026, 6, 1), To = new DateOnly(2026, 6, 1) },
        })
        {
            Assert.Equal(await AllPagesAsync(byIds, filter), await AllPagesAsync(windows, filter));
            Assert.Equal(await byIds.CountAsync(Alex, filter, NewYork, 1000), await windows.CountAsync(Alex, filter, NewYork, 1000));
        }
        Assert.Equal(new HistoryCount(50, true), await windows.CountAsync(Alex, new HistoryFilter { Search = "showing" }, NewYork, 50));
    }

    private async Task<List<long>> AllPagesAsync(IMessageSearch search, HistoryFilter filter)
    {
        var ids = new List<long>();
        HistoryCursor? after = null;
        do
        {
            var page = await search.PageAsync(Alex, filter, TimeZoneInfo.Utc, after, 7);
            ids.AddRange(page.Rows.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }

    [Fact]
    public async Task WhenAWritePathLeavesTheAgentOut_ThenTheDatabaseFillsItIn()
    {
        var t = await HistorySeed.ThreadAsync(_inbox.Db, Alex, "+12125550147", "Maria", "Lopez");
        await HistorySeed.TextAtAsync(_inbox.Db, t, "written without agent", DateTimeOffset.UtcNow, agentId: null);

        Assert.Equal(["written without agent"], await FindAsync("agent"));
    }

    [Fact]
    public async Task WhenMessagesExistBeforeTheMigration_ThenTheyAreBackfilledAndIndexed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"winnerr-history-migration-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<Winnerr.Sms.Core.Data.SmsDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new Winnerr.Sms.Core.Data.SmsDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                var all = db.Database.GetMigrations().ToList();
                var before = all[all.FindIndex(m => m.EndsWith("_MessageHistorySearch", StringComparison.Ordinal)) - 1];
                await migrator.MigrateAsync(before);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Agents (Name) VALUES ('Old');
                    INSERT INTO Contacts (AgentId, FirstName, LastName, Phone, CreatedAt, IsOptedOut, Consent) VALUES (1, 'Ana', 'Silva', '+12125550101', 0, 0, 'TransactionalOnly');
                    INSERT INTO Conversations (AgentId, AgentNumber, ContactId, LastMessageAt, LastMessagePreview, UnreadCount, NeedsReply) VALUES (1, '+15005550006', 1, 0, '', 0, 0);
                    INSERT INTO Messages (ConversationId, ContactId, Direction, Body, Status, CreatedAt, UpdatedAt, Purpose, FlaggedRevocation) VALUES (1, 1, 'Inbound', 'Stored before history existed', 'received', 1, 1, 'Transactional', 0);
                    """);
                await db.Database.MigrateAsync();
                Assert.Equal(1L, await db.Messages.Select(m => m.AgentId).SingleAsync());
            }
            var search = new SqliteMessageSearch(new FixedFactory(options));
            var rows = (await search.PageAsync(1, new HistoryFilter { Search = "history silva" }, NewYork, null, 50)).Rows;
            Assert.Equal("Stored before history existed", Assert.Single(rows).Body);
        }
        finally
        {
            SmsAppFactory.DeleteDatabase(path);
        }
    }

    private sealed class FixedFactory(DbContextOptions<Winnerr.Sms.Core.Data.SmsDbContext> options) : IDbContextFactory<Winnerr.Sms.Core.Data.SmsDbContext>
    {
        public Winnerr.Sms.Core.Data.SmsDbContext CreateDbContext() => new(options);
    }
}

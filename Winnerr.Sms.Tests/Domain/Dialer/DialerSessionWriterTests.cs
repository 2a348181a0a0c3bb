using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Dialer;
using Winnerr.Sms.Core.Dialer.Commands;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain.Dialer;

/// <summary>The dialer's commands through the real single writer, on a migrated SQLite file.</summary>
public sealed class DialerSessionWriterTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;
    private long _maria, _james, _priya, _tom;

    public async Task InitializeAsync()
    {
        _inbox = await TestInbox.CreateAsync();
        await using var db = await _inbox.Db.CreateDbContextAsync();
        Contact New(string first, string phone) => new() { AgentId = _inbox.Agent.Id, FirstName = first, Phone = phone, CreatedAt = DateTimeOffset.UtcNow };
        var maria = New("Maria", "+12125550147");
        var james = New("James", "+13105550188");
        james.RecordConsent(ConsentStatus.OptedOut, "keyword STOP", DateTimeOffset.UtcNow, "STOP");
        var priya = New("Priya", "+14155550123");
        priya.DoNotCallAt = DateTimeOffset.UtcNow;
        var tom = New("Tom", "+16175550162");
        tom.RecordConsent(ConsentStatus.MarketingOptIn, "web form", DateTimeOffset.UtcNow);
        db.Contacts.AddRange(maria, james, priya, tom);
        await db.SaveChangesAsync();
        (_maria, _james, _priya, _tom) = (maria.Id, james.Id, priya.Id, tom.Id);
    }

    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    private async Task<long> StartAsync(params long[] ids)
    {
        var command = new StartDialerSession(_inbox.Agent.Id, "People selection", ids);
        Assert.Equal(WriteOutcome.Done, (await _inbox.Writer.ExecuteAsync(command)).Outcome);
        return command.Created.Id;
    }

    private async Task<List<DialerEntry>> EntriesAsync(long sessionId)
    {
        await using var db = await _inbox.Db.CreateDbContextAsync();
        return await db.DialerEntries.Where(e => e.SessionId == sessionId).OrderBy(e => e.Position).ToListAsync();
    }

    [Fact]
    public async Task WhenASessionStarts_ThenTheOrderIsKeptAndOptedOutAndDoNotCallContactsAreSkippedWithWhy()
    {
        var id = await StartAsync(_james, _priya, _tom, _maria);

        var entries = await EntriesAsync(id);
        Assert.Equal([_james, _priya, _tom, _maria], entries.Select(e => e.ContactId));
        Assert.Equal([DialerEntryState.Skipped, DialerEntryState.Skipped, DialerEntryState.Pending, DialerEntryState.Pending], entries.Select(e => e.State));
        Assert.Equal(["Opted out (STOP)", "Do not call", null, null], entries.Select(e => e.SkipReason));
        var view = await _inbox.Services.GetRequiredService<DialerQueries>().LatestAsync(_inbox.Agent.Id);
        Assert.Equal(_tom, view!.Current!.Id);
        Assert.Contains(_inbox.Events.All, e => e is DialerChanged d && d.SessionId == id);
    }

    [Fact]
    public async Task WhenASecondSessionStarts_ThenTheFirstEndsAndTheAgentHasOneActiveSession()
    {
        var first = await StartAsync(_maria);
        var second = await StartAsync(_tom);

        await using var db = await _inbox.Db.CreateDbContextAsync();
        var active = await db.DialerSessions.Where(s => s.AgentId == _inbox.Agent.Id && s.EndedAt == null).Select(s => s.Id).ToListAsync();
        Assert.Equal([second], active);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task WhenAContactOptsOutDuringTheSession_ThenNextSkipsThem()
    {
        var id = await StartAsync(_maria, _tom);
        await using (var db = await _inbox.Db.CreateDbContextAsync())
        {
            var tom = await db.Contacts.SingleAsync(c => c.Id == _tom);
            tom.RecordConsent(ConsentStatus.OptedOut, "keyword STOP", DateTimeOffset.UtcNow, "STOP");
            await db.SaveChangesAsync();
        }

        await _inbox.Writer.ExecuteAsync(new MoveDialer(_inbox.Agent.Id, id));

        var entries = await EntriesAsync(id);
        Assert.Equal([DialerEntryState.Done, DialerEntryState.Skipped], entries.Select(e => e.State));
        await using var check = await _inbox.Db.CreateDbContextAsync();
        Assert.NotNull((await check.DialerSessions.SingleAsync(s => s.Id == id)).EndedAt);
    }

    [Fact]
    public async Task WhenTheOutcomeIsDoNotCall_ThenTheContactIsDoNotCallAndOptedOutOfMarketing()
    {
        var session = await StartAsync(_tom);
        var entry = (await EntriesAsync(session)).Single();
        var place = new PlaceDialerCall(_inbox.Agent.Id, _tom, TestInbox.AgentNumber, session, entry.Id);
        await _inbox.Writer.ExecuteAsync(place);
        await _inbox.Writer.ExecuteAsync(new ApplyCallStatus(place.Created.Id, CallLeg.Contact, "CAcontact", "completed", "human", 40));

        var result = await _inbox.Writer.ExecuteAsync(new SetCallOutcome(_inbox.Agent.Id, place.Created.Id, CallOutcomes.DoNotCall));

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        await using var db = await _inbox.Db.CreateDbContextAsync();
        var tom = await db.Contacts.SingleAsync(c => c.Id == _tom);
        Assert.NotNull(tom.DoNotCallAt);
        Assert.Equal(ConsentStatus.TransactionalOnly, tom.Consent);
        Assert.Equal("do-not-call", tom.ConsentSource);
        var call = await db.DialerCalls.Include(c => c.ContactEvent).SingleAsync();
        Assert.Equal("Call · Do not call · 0:40", call.ContactEvent!.Text);
        Assert.Contains(_inbox.Events.All, e => e is ContactChanged c && c.ContactId == _tom);

        var again = new PlaceDialerCall(_inbox.Agent.Id, _tom, TestInbox.AgentNumber, null, null);
        Assert.Equal(WriteOutcome.Refused, (await _inbox.Writer.ExecuteAsync(again)).Outcome);
    }
}

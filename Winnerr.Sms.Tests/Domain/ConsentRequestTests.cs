using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>Double opt-in through the writer: a request marks the contact, their YES records marketing consent with its proof.</summary>
public class ConsentRequestTests : IAsyncLifetime
{
    private TestInbox _inbox = null!;

    public async Task InitializeAsync() => _inbox = await TestInbox.CreateAsync();
    public async Task DisposeAsync() => await _inbox.DisposeAsync();

    [Fact]
    public async Task WhenTheContactAnswersYesToARequest_ThenMarketingConsentIsRecordedWithTheMessage()
    {
        await _inbox.Writer.ExecuteAsync(new QueueOutbound(_inbox.Agent.Id, null, "+13125550190",
            "Alex Morgan here. Reply YES to get new listings and open-house invites by text. Reply STOP to opt out.", RequestsConsent: true));

        await _inbox.ReceiveAsync("+13125550190", "Yes");

        await using var db = await _inbox.Db.CreateDbContextAsync();
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(ConsentStatus.MarketingOptIn, contact.Consent);
        Assert.StartsWith("replied YES to request on", contact.ConsentSource);
        Assert.Null(contact.ConsentRequestedAt);
        Assert.Contains(await db.ContactEvents.Select(e => e.Text).ToListAsync(), t => t.Contains("replied \"Yes\""));
    }

    [Fact]
    public async Task WhenYesComesWithNoRequest_ThenItIsAnOrdinaryMessage()
    {
        await _inbox.ReceiveAsync("+13125550190", "YES");

        await using var db = await _inbox.Db.CreateDbContextAsync();
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(ConsentStatus.TransactionalOnly, contact.Consent);
        Assert.Equal(MessageDirection.Inbound, (await db.Messages.SingleAsync()).Direction);
    }
}

using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Dialer;

namespace Winnerr.Sms.Tests.Domain.Dialer;

public class DialerSkipTests
{
    private static Contact Someone() => new() { Phone = "+12125550147", FirstName = "Maria" };

    [Fact]
    public void WhenTheContactCanBeCalled_ThenTheyAreNotSkipped() => Assert.Null(DialerRules.SkipReason(Someone()));

    [Fact]
    public void WhenTheContactIsDoNotCall_ThenTheyAreSkipped()
    {
        var contact = Someone();
        contact.DoNotCallAt = DateTimeOffset.UtcNow;
        Assert.Equal("Do not call", DialerRules.SkipReason(contact));
    }

    [Fact]
    public void WhenTheContactTextedStop_ThenTheyAreSkippedWithTheKeyword()
    {
        var contact = Someone();
        contact.RecordConsent(ConsentStatus.OptedOut, "keyword STOP", DateTimeOffset.UtcNow, "STOP");
        Assert.Equal("Opted out (STOP)", DialerRules.SkipReason(contact));
    }

    [Fact]
    public void WhenTheAgentOptedTheContactOut_ThenTheyAreSkipped()
    {
        var contact = Someone();
        contact.RecordConsent(ConsentStatus.OptedOut, "changed by agent", DateTimeOffset.UtcNow);
        Assert.Equal("Opted out", DialerRules.SkipReason(contact));
    }

    [Fact]
    public void WhenTheContactWasDeleted_ThenTheyAreSkipped()
    {
        var contact = Someone();
        contact.DeletedAt = DateTimeOffset.UtcNow;
        Assert.Equal("Deleted", DialerRules.SkipReason(contact));
    }

    [Fact]
    public void WhenTheContactIsTransactionalOnly_ThenTheyAreStillCalled()
    {
        var contact = Someone();
        contact.RecordConsent(ConsentStatus.TransactionalOnly, "verbal", DateTimeOffset.UtcNow);
        Assert.Null(DialerRules.SkipReason(contact));
    }
}

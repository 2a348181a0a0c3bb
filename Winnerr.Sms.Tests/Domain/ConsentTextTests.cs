using Winnerr.Sms.Core.Contacts;

namespace Winnerr.Sms.Tests.Domain;

public class ConsentTextTests
{
    private static readonly DateTimeOffset Nov26 = new(2026, 11, 26, 20, 2, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ConsentStatus.MarketingOptIn, "web form", "Can text: marketing")]
    [InlineData(ConsentStatus.TransactionalOnly, "keyword START", "Transactional only")]
    [InlineData(ConsentStatus.OptedOut, "keyword STOP", "Opted out via STOP on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "changed by agent", "Opted out by you on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "entered by agent", "Opted out by you on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "revoked in own words", "Opted out in their own words on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "Twilio: recipient opted out (21610)", "Opted out via STOP (reported by Twilio) on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "CSV import", "Opted out by import on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, "verbal, at the open house", "Opted out (verbal, at the open house) on Nov 26")]
    [InlineData(ConsentStatus.OptedOut, null, "Opted out on Nov 26")]
    public void TheBadgeReadsNaturallyForEverySource(ConsentStatus status, string? source, string expected)
    {
        Assert.Equal(expected, ConsentText.Badge(status, source, Nov26, at => at.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)));
    }
}

using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.Tests.Domain.Compliance;

public class RecipientLocaleTests
{
    // What libphonenumber 9.0.43's geocoder really says: "New York, NY" for 212, a state name for the others,
    // "Washington State" for 206.
    [Theory]
    [InlineData("+12125550123", "NY", "America/New_York")]
    [InlineData("+13055550123", "FL", "America/New_York")]
    [InlineData("+12145550123", "TX", "America/Chicago")]
    [InlineData("+19155550123", "TX", "America/Denver")]
    [InlineData("+14055550123", "OK", "America/Chicago")]
    [InlineData("+12035550123", "CT", "America/New_York")]
    [InlineData("+12065550123", "WA", "America/Los_Angeles")]
    [InlineData("+15045550123", "LA", "America/Chicago")]
    [InlineData("+13015550123", "MD", "America/New_York")]
    [InlineData("+14015550123", "RI", "America/New_York")]
    [InlineData("+12055550123", "AL", "America/Chicago")]
    [InlineData("+16015550123", "MS", "America/Chicago")]
    [InlineData("+12015550123", "NJ", "America/New_York")]
    [InlineData("+13125550123", "IL", "America/Chicago")]
    [InlineData("+12025550123", "DC", "America/New_York")]
    public void WhenNumberHasAnAreaCode_ThenStateAndZoneComeFromIt(string e164, string state, string zone)
    {
        var locale = RecipientLocale.Resolve(e164, contactTimeZone: null);

        Assert.Equal(state, locale.State);
        Assert.Equal([zone], locale.TimeZones.Select(z => z.Id));
        Assert.Equal(TimeZoneSource.PhoneNumber, locale.Source);
    }

    [Fact]
    public void WhenContactHasAZone_ThenItOverridesTheAreaCodeButTheStateStays()
    {
        var locale = RecipientLocale.Resolve("+12125550123", "America/Los_Angeles");

        Assert.Equal(["America/Los_Angeles"], locale.TimeZones.Select(z => z.Id));
        Assert.Equal("NY", locale.State);
        Assert.Equal(TimeZoneSource.Contact, locale.Source);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenContactZoneIsNotAZone_ThenTheNumberDecides(string contactZone)
    {
        var locale = RecipientLocale.Resolve("+12145550123", contactZone);

        Assert.Equal(["America/Chicago"], locale.TimeZones.Select(z => z.Id));
        Assert.Equal(TimeZoneSource.PhoneNumber, locale.Source);
    }

    [Fact]
    public void WhenContactHasAState_ThenItOverridesTheAreaCode()
    {
        Assert.Equal("TX", RecipientLocale.Resolve("+12125550123", null, contactState: "tx").State);
        Assert.Equal("FL", RecipientLocale.Resolve("+12125550123", null, contactState: "Florida").State);
    }

    [Fact]
    public void WhenAreaCodeSpansTwoZones_ThenBothAreCandidates()
    {
        var locale = RecipientLocale.Resolve("+12085550123", null);

        Assert.Equal(["America/Boise", "America/Los_Angeles"], locale.TimeZones.Select(z => z.Id).Order());
        Assert.Equal("ID", locale.State);
    }

    [Theory]
    [InlineData("+15555550123")] // fictional 555 range: no zone data ("Etc/Unknown")
    [InlineData("+18005550123")] // toll-free: maps to every NANP zone, Guam to Newfoundland
    [InlineData("not a number")]
    public void WhenNumberSaysNothingAboutWhere_ThenEveryUsZoneAndNoState(string e164)
    {
        var locale = RecipientLocale.Resolve(e164, null);

        Assert.Equal(RecipientLocale.UnknownUsZoneIds.Order(), locale.TimeZones.Select(z => z.Id).Order());
        Assert.Null(locale.State);
        Assert.Equal(TimeZoneSource.Unknown, locale.Source);
    }

    [Fact]
    public void WhenNumberIsNotUs_ThenItsOwnZoneAndNoState()
    {
        var locale = RecipientLocale.Resolve("+442071838750", null);

        Assert.Equal(["Europe/London"], locale.TimeZones.Select(z => z.Id));
        Assert.Null(locale.State);
        Assert.Equal(TimeZoneSource.PhoneNumber, locale.Source);
    }
}

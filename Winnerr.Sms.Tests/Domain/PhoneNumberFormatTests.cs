using Winnerr.Sms.Core.Contacts;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>Numbers as people read them: national for the agent's own country, international otherwise, E.164 untouched when unreadable.</summary>
public class PhoneNumberFormatTests
{
    [Theory]
    [InlineData("US", "+12125550147", "(212) 555-0147")]
    [InlineData("US", "+13125550190", "(312) 555-0190")]
    [InlineData("US", "+442079460958", "+44 20 7946 0958")]
    [InlineData("US", "+525512345678", "+52 55 1234 5678")]
    [InlineData("US", "+14165550147", "+1 416-555-0147")]
    [InlineData("GB", "+442079460958", "020 7946 0958")]
    [InlineData("GB", "+12125550147", "+1 212-555-0147")]
    public void WhenANumberIsShown_ThenItIsNationalAtHomeAndInternationalAbroad(string region, string e164, string expected) =>
        Assert.Equal(expected, new PhoneNumberNormalizer(region).Format(e164));

    // Twilio's magic test numbers (+1 500 555 0xxx) are what the simulator and the tests use.
    [Theory]
    [InlineData("+15005550006", "(500) 555-0006")]
    [InlineData("+15005550001", "(500) 555-0001")]
    [InlineData("+15005550009", "(500) 555-0009")]
    public void WhenANumberIsATwilioMagicNumber_ThenItIsFormattedLikeAnyUsNumber(string e164, string expected) =>
        Assert.Equal(expected, new PhoneNumberNormalizer("US").Format(e164));

    [Theory]
    [InlineData("not a number")]
    [InlineData("")]
    [InlineData("+999123")]
    public void WhenTheStoredValueIsNotANumber_ThenItIsShownAsStored(string stored) =>
        Assert.Equal(stored, new PhoneNumberNormalizer("US").Format(stored));
}

using Winnerr.Sms.Core.Contacts;

namespace Winnerr.Sms.Tests.Domain;

public class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer _us = new("US");

    [Theory]
    [InlineData("(312) 555-0100", "+13125550100")]
    [InlineData("312-555-0100", "+13125550100")]
    [InlineData("312.555.0100", "+13125550100")]
    [InlineData("312 555 0100", "+13125550100")]
    [InlineData("3125550100", "+13125550100")]
    [InlineData("1-312-555-0100", "+13125550100")]
    [InlineData("1 (312) 555-0100", "+13125550100")]
    [InlineData("+1 312 555 0100", "+13125550100")]
    [InlineData("+13125550100", "+13125550100")]
    [InlineData("  (312)555-0100  ", "+13125550100")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+52 55 1234 5678", "+525512345678")]
    [InlineData("+15005550001", "+15005550001")]
    public void WhenANumberIsValid_ThenItBecomesE164(string input, string expected)
    {
        Assert.True(_us.TryNormalize(input, out var e164, out var error), error);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("12345", "not a valid phone number")]
    [InlineData("555-0100", "not a valid phone number")]
    [InlineData("call me maybe", "not a phone number")]
    [InlineData("+999 1234 5678", "unknown country code")]
    [InlineData("", "Enter a phone number.")]
    [InlineData("   ", "Enter a phone number.")]
    [InlineData(null, "Enter a phone number.")]
    public void WhenANumberIsInvalid_ThenItIsRefusedWithTheReason(string? input, string reason)
    {
        Assert.False(_us.TryNormalize(input, out _, out var error));
        Assert.Contains(reason, error);
    }
}

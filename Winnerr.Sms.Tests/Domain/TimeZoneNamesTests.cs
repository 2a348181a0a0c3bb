using Winnerr.Sms.Core.Contacts;

namespace Winnerr.Sms.Tests.Domain;

public class TimeZoneNamesTests
{
    [Theory]
    [InlineData("America/Chicago", "Central Time")]
    [InlineData("America/New_York", "Eastern Time")]
    [InlineData("America/Phoenix", "Arizona Time")]
    [InlineData("Pacific/Honolulu", "Hawaii Time")]
    [InlineData("UTC", "UTC")]
    [InlineData("Not/AZone", "Not/AZone")]
    public void ZonesAreShownByName(string id, string expected) => Assert.Equal(expected, TimeZoneNames.Friendly(id));
}

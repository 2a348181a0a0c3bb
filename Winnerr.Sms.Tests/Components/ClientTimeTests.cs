using Winnerr.Sms.App.Components;

namespace Winnerr.Sms.Tests.Components;

public class ClientTimeTests
{
    // Friday 27 Nov 2026, 15:00 UTC = 10:00 in New York.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private static readonly ClientTime NewYork = ClientTime.FromName("America/New_York");

    [Theory]
    [InlineData(-60, "9:00 AM")]          // earlier today, New York time
    [InlineData(-14 * 60, "Thu")]         // 01:00 UTC Friday is still Thursday evening in New York
    [InlineData(-3 * 24 * 60, "Tue")]
    [InlineData(-8 * 24 * 60, "Nov 19")]
    [InlineData(-400 * 24 * 60, "Oct 23, 2025")]
    public void WhenShowingAMessageTime_ThenItIsInTheAgentsZoneAndAsShortAsItCanBe(int minutesAgo, string expected)
    {
        Assert.Equal(expected, NewYork.Short(Now.AddMinutes(minutesAgo), Now));
    }

    [Fact]
    public void WhenTheBrowserSendsNoOrAnUnknownZone_ThenUtcIsUsed()
    {
        Assert.Equal(TimeZoneInfo.Utc, ClientTime.FromName(null).Zone);
        Assert.Equal(TimeZoneInfo.Utc, ClientTime.FromName("Mars/Olympus_Mons").Zone);
        Assert.Equal("3:00 PM", ClientTime.FromName("").Short(Now, Now));
    }
}

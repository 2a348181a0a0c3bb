using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.Tests.Domain.History;

public class HistoryFilterTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void WhenDaysSpanTheSpringForwardChange_ThenBoundsAreLocalMidnights()
    {
        var filter = new HistoryFilter { From = new DateOnly(2026, 3, 8), To = new DateOnly(2026, 3, 8) };
        var (since, before) = filter.Bounds(NewYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), since);   // EST, UTC-5
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), before);  // EDT, UTC-4: a 23-hour day
    }

    [Fact]
    public void WhenDaysSpanTheFallBackChange_ThenTheDayHas25Hours()
    {
        var filter = new HistoryFilter { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 1) };
        var (since, before) = filter.Bounds(NewYork);
        Assert.Equal(TimeSpan.FromHours(25), before - since);
    }

    [Fact]
    public void WhenMidnightDoesNotExist_ThenTheDayStartsAtTheFirstValidTime()
    {
        // Santiago springs forward at midnight: Sep 6, 2026 starts at 01:00 local (UTC-3).
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var start = HistoryFilter.StartOfDay(new DateOnly(2026, 9, 6), santiago);
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), start);
    }
}

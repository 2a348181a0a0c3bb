using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.Tests.Domain.Compliance;

public class QuietHoursTests
{
    private const string NewYork = "+12125550123", Florida = "+13055550123", Dallas = "+12145550123",
        NewOrleans = "+15045550123", RhodeIsland = "+14015550123", Connecticut = "+12035550123",
        NewJersey = "+12015550123", Idaho = "+12085550123", London = "+442071838750";

    private readonly QuietHours quietHours = new(new QuietHoursOptions());

    // 2026-06-10 is a Wednesday, 06-13 a Saturday, 06-14 a Sunday. US DST starts 2026-03-08 and ends 2026-11-01.
    [Theory]
    [InlineData(NewYork, null, "2026-06-10T20:59-04:00", "2026-06-10T20:59-04:00")]
    [InlineData(NewYork, null, "2026-06-10T21:00-04:00", "2026-06-11T08:00-04:00")]
    [InlineData(NewYork, null, "2026-06-11T07:59-04:00", "2026-06-11T08:00-04:00")]
    [InlineData(NewYork, null, "2026-06-11T03:00Z", "2026-06-11T12:00Z")] // 23:00 local, past midnight UTC
    [InlineData(Florida, null, "2026-06-10T19:59-04:00", "2026-06-10T19:59-04:00")]
    [InlineData(Florida, null, "2026-06-10T20:30-04:00", "2026-06-11T08:00-04:00")]
    [InlineData(Connecticut, null, "2026-06-10T08:30-04:00", "2026-06-10T09:00-04:00")]
    [InlineData(NewJersey, null, "2026-06-10T20:30-04:00", "2026-06-10T20:30-04:00")]
    [InlineData(Dallas, null, "2026-06-14T10:00-05:00", "2026-06-14T12:00-05:00")] // TX Sunday opens at noon
    [InlineData(Dallas, null, "2026-06-13T08:30-05:00", "2026-06-13T09:00-05:00")]
    [InlineData(Dallas, null, "2026-06-13T21:30-05:00", "2026-06-14T12:00-05:00")]
    [InlineData(NewOrleans, null, "2026-06-14T10:00-05:00", "2026-06-15T08:00-05:00")] // LA: no Sundays
    [InlineData(NewOrleans, null, "2026-06-13T20:00-05:00", "2026-06-15T08:00-05:00")]
    [InlineData(RhodeIsland, null, "2026-06-13T09:30-04:00", "2026-06-13T10:00-04:00")] // RI Saturday 10–17
    [InlineData(RhodeIsland, null, "2026-06-13T16:59-04:00", "2026-06-13T16:59-04:00")]
    [InlineData(RhodeIsland, null, "2026-06-13T17:00-04:00", "2026-06-15T09:00-04:00")]
    [InlineData(RhodeIsland, null, "2026-06-12T18:00-04:00", "2026-06-13T10:00-04:00")]
    [InlineData(NewYork, "America/Los_Angeles", "2026-06-10T06:00-07:00", "2026-06-10T08:00-07:00")] // contact zone wins
    [InlineData(NewYork, "America/Los_Angeles", "2026-06-10T20:30-07:00", "2026-06-10T20:30-07:00")]
    [InlineData(Idaho, null, "2026-06-10T07:30-07:00", "2026-06-10T08:00-07:00")] // Boise + Los Angeles
    [InlineData(Idaho, null, "2026-06-10T20:59-06:00", "2026-06-10T20:59-06:00")]
    [InlineData(Idaho, null, "2026-06-10T21:00-06:00", "2026-06-11T08:00-07:00")]
    [InlineData("+15555550123", null, "2026-06-10T12:00Z", "2026-06-10T19:00Z")] // 9:00 in Honolulu
    [InlineData("+15555550123", null, "2026-06-10T23:59Z", "2026-06-10T23:59Z")] // 19:59 in New York
    [InlineData("+15555550123", null, "2026-06-11T00:00Z", "2026-06-11T19:00Z")] // 20:00 in New York
    [InlineData("+18005550123", null, "2026-06-10T12:00Z", "2026-06-10T19:00Z")]
    [InlineData(London, null, "2026-06-10T08:30+01:00", "2026-06-10T09:00+01:00")] // no state: 9–20
    [InlineData(London, null, "2026-06-10T20:00+01:00", "2026-06-11T09:00+01:00")]
    [InlineData(NewYork, null, "2026-03-08T01:30-05:00", "2026-03-08T08:00-04:00")] // spring forward morning
    [InlineData(NewYork, null, "2026-03-07T21:30-05:00", "2026-03-08T08:00-04:00")]
    [InlineData(Dallas, null, "2026-03-08T10:00-05:00", "2026-03-08T12:00-05:00")]
    [InlineData(NewYork, null, "2026-11-01T01:30-04:00", "2026-11-01T08:00-05:00")] // fall back morning
    [InlineData(NewYork, null, "2026-11-01T01:30-05:00", "2026-11-01T08:00-05:00")] // the repeated 1:30
    [InlineData(NewYork, null, "2026-10-31T21:30-04:00", "2026-11-01T08:00-05:00")]
    public void WhenSendingAt_ThenNextAllowedIs(string e164, string? contactZone, string now, string expected)
    {
        var locale = RecipientLocale.Resolve(e164, contactZone);
        var at = DateTimeOffset.Parse(now);

        var next = quietHours.NextAllowed(at, locale);

        Assert.Equal(DateTimeOffset.Parse(expected).UtcDateTime, next.UtcDateTime);
        Assert.Equal(next == at, quietHours.IsAllowed(at, locale));
    }

    [Fact]
    public void WhenAllowedNow_ThenNowIsReturnedAsIs()
    {
        var now = DateTimeOffset.Parse("2026-06-10T12:00-04:00");

        Assert.True(quietHours.NextAllowed(now, RecipientLocale.Resolve(NewYork, null)).EqualsExact(now));
    }

    [Fact]
    public void WhenHeld_ThenTheResultKeepsTheCallersOffset()
    {
        var next = quietHours.NextAllowed(DateTimeOffset.Parse("2026-06-11T02:00Z"), RecipientLocale.Resolve(NewYork, null));

        Assert.Equal(TimeSpan.Zero, next.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-06-11T12:00Z"), next);
    }

    [Fact]
    public void WhenHeld_ThenTheLocalTimeIsInTheRecipientsFirstZone()
    {
        var local = quietHours.NextAllowedLocal(DateTimeOffset.Parse("2026-06-14T15:00Z"), RecipientLocale.Resolve(Dallas, null));

        Assert.Equal(new DateTime(2026, 6, 14, 12, 0, 0), local.Local.DateTime);
        Assert.Equal("America/Chicago", local.Zone.Id);
        Assert.Equal("Sun 12:00 PM America/Chicago", local.ToString());
    }

    [Fact]
    public void WhenAStateIsClosedEveryDay_ThenNextAllowedSaysSo()
    {
        var closed = new StateQuietHours
        {
            State = "NY", Start = new(8, 0), End = new(20, 0),
            Days = [.. Enum.GetValues<DayOfWeek>().Select(d => new DayQuietHours { Day = d, Closed = true })],
        };
        var strict = new QuietHours(new QuietHoursOptions { States = [closed] });

        Assert.Throws<InvalidOperationException>(() => strict.NextAllowed(DateTimeOffset.Parse("2026-06-10T12:00Z"), RecipientLocale.Resolve(NewYork, null)));
        Assert.False(strict.IsAllowed(DateTimeOffset.Parse("2026-06-10T12:00Z"), RecipientLocale.Resolve(NewYork, null)));
    }

    [Fact]
    public void WhenAWindowEndsBeforeItStarts_ThenTheOptionsAreRejected()
    {
        var options = new QuietHoursOptions { Federal = new() { Start = new(21, 0), End = new(8, 0) } };

        Assert.Throws<ArgumentException>(() => new QuietHours(options));
    }

    [Fact]
    public void WhenARuleNamesNoState_ThenTheOptionsAreRejected()
    {
        var options = new QuietHoursOptions { States = [new() { State = "Narnia", Start = new(9, 0), End = new(17, 0) }] };

        Assert.Throws<ArgumentException>(() => new QuietHours(options));
    }
}

namespace Winnerr.Sms.Core.Compliance;

/// <summary>When a marketing text may go to a recipient: quiet hours in the recipient's own local time.</summary>
public interface IMarketingWindow
{
    /// <summary><paramref name="now"/> when sending now is allowed, else the earliest allowed instant after it.</summary>
    DateTimeOffset NextAllowed(DateTimeOffset now, string phone, string? contactTimeZone);

    /// <summary>An instant as the recipient's clock shows it (their first candidate zone), for the plan.</summary>
    RecipientLocalTime LocalTime(DateTimeOffset at, string phone, string? contactTimeZone)
    {
        var zone = RecipientLocale.Resolve(phone, contactTimeZone).TimeZones[0];
        return new(TimeZoneInfo.ConvertTime(at, zone), zone);
    }
}

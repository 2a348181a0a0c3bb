namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// Marketing texts are held outside quiet hours in the recipient's zone. Tests that want them sent now give their
/// contacts a zone where it is mid-afternoon whenever the suite runs (the holds have their own unit tests).
/// </summary>
public static class Daytime
{
    private static readonly string[] Zones =
    [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
        "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow",
        "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea",
        "Pacific/Auckland",
    ];

    public static string Zone() =>
        Zones.First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(z)).Hour is >= 11 and <= 16);
}

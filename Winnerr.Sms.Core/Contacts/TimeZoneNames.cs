namespace Winnerr.Sms.Core.Contacts;

/// <summary>Time zones as people name them ("Central Time"), not IANA ids.</summary>
public static class TimeZoneNames
{
    private static readonly Dictionary<string, string> Us = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "Eastern Time", ["America/Detroit"] = "Eastern Time", ["America/Chicago"] = "Central Time",
        ["America/Denver"] = "Mountain Time", ["America/Phoenix"] = "Arizona Time", ["America/Los_Angeles"] = "Pacific Time",
        ["America/Anchorage"] = "Alaska Time", ["Pacific/Honolulu"] = "Hawaii Time", ["America/Puerto_Rico"] = "Atlantic Time",
        ["Etc/UTC"] = "UTC", ["UTC"] = "UTC",
    };

    public static string Friendly(string? ianaId) =>
        ianaId is null ? "" : Us.TryGetValue(ianaId, out var name) ? name
        : TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? Friendly(zone) : ianaId;

    public static string Friendly(TimeZoneInfo zone) =>
        Us.TryGetValue(zone.Id, out var name) ? name
        : zone.Id == TimeZoneInfo.Utc.Id ? "UTC"
        : zone.StandardName.Replace(" Standard Time", " Time", StringComparison.Ordinal);
}

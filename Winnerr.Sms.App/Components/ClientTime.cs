namespace Winnerr.Sms.App.Components;

/// <summary>The agent's time zone, as the browser reports it; cascaded from <c>Routes</c>.</summary>
public sealed record ClientTime(TimeZoneInfo Zone)
{
    public static readonly ClientTime Utc = new(TimeZoneInfo.Utc);

    public static ClientTime FromName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? new ClientTime(zone) : Utc;

    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>Times as a messaging app shows them: "2:41 PM" today, "Tue" this week, "Nov 3" before.</summary>
    public string Short(DateTimeOffset at, DateTimeOffset? now = null)
    {
        var local = ToLocal(at);
        var today = ToLocal(now ?? DateTimeOffset.UtcNow).Date;
        if (local.Date == today) return local.ToString("h:mm tt");
        if (local.Date > today.AddDays(-7)) return local.ToString("ddd");
        return local.Year == today.Year ? local.ToString("MMM d") : local.ToString("MMM d, yyyy");
    }

    public string Full(DateTimeOffset at) => ToLocal(at).ToString("ddd, MMM d, yyyy 'at' h:mm tt");

    public string Stamp(DateTimeOffset at) => ToLocal(at).ToString("MMM d, h:mm tt");
}

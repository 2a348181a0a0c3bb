namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>Times as a messaging app shows them: "2:41 PM" today, "Tue" this week, "Nov 3" before.</summary>
public static class TimeText
{
    public static string Short(DateTimeOffset at, DateTimeOffset? now = null)
    {
        var local = at.ToLocalTime();
        var today = (now ?? DateTimeOffset.Now).ToLocalTime().Date;
        if (local.Date == today) return local.ToString("h:mm tt");
        if (local.Date > today.AddDays(-7)) return local.ToString("ddd");
        return local.Year == today.Year ? local.ToString("MMM d") : local.ToString("MMM d, yyyy");
    }
}

namespace Winnerr.Sms.Core.Compliance;

/// <summary>A daily sending window in local time, from <see cref="Start"/> up to (not including) <see cref="End"/>.</summary>
public sealed class SendWindow
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>A state's window: <see cref="Start"/>–<see cref="End"/> every day except those in <see cref="Days"/>.</summary>
public sealed class StateQuietHours
{
    /// <summary>Two-letter US state code.</summary>
    public string State { get; set; } = "";
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }

    /// <summary>Days with their own window, or closed.</summary>
    public List<DayQuietHours> Days { get; set; } = [];
}

/// <summary>One weekday's own window in a state's rule, or no sending at all that day.</summary>
public sealed class DayQuietHours
{
    public DayOfWeek Day { get; set; }
    public bool Closed { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

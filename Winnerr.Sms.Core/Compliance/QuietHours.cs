namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// Decides when a marketing text may go out: inside the federal window, narrowed by the recipient's state,
/// in every zone the recipient might be in. Times are converted through <see cref="TimeZoneInfo"/> for each
/// local day, so DST changes and midnight are handled by the zone rules, never by a fixed offset.
/// </summary>
public sealed class QuietHours(QuietHoursOptions options)
{
    /// <summary>How far ahead to look; a week plus a day covers every weekly rule.</summary>
    private const int SearchDays = 8;

    private readonly Window federal = Window.From(options.Federal.Start, options.Federal.End, "Federal");
    private readonly Window unknownState = Window.From(options.UnknownStateWindow.Start, options.UnknownStateWindow.End, "UnknownStateWindow");
    private readonly Dictionary<string, StateQuietHours> states = ValidStates(options.EffectiveStates());

    public bool IsAllowed(DateTimeOffset now, RecipientLocale locale) =>
        ZonesOf(locale).All(zone => NextAllowedIn(zone, locale.State, now) == now);

    /// <summary>
    /// <paramref name="now"/> when sending is allowed now, else the earliest later instant inside the window
    /// in every candidate zone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The zones' windows do not meet within eight days.</exception>
    public DateTimeOffset NextAllowed(DateTimeOffset now, RecipientLocale locale)
    {
        var zones = ZonesOf(locale);
        var candidate = now;
        // Each pass moves the candidate to the next instant one zone allows, never past a common one, so the
        // first candidate no zone moves is the earliest common instant.
        while ((candidate - now).TotalDays <= SearchDays)
        {
            var moved = false;
            foreach (var zone in zones)
            {
                var next = NextAllowedIn(zone, locale.State, candidate) ?? throw NoCommonWindow(locale);
                if (next > candidate)
                {
                    candidate = next;
                    moved = true;
                }
            }
            if (!moved) return candidate.ToOffset(now.Offset);
        }
        throw NoCommonWindow(locale);
    }

    /// <summary>The next allowed instant in the recipient's first zone, for display.</summary>
    public RecipientLocalTime NextAllowedLocal(DateTimeOffset now, RecipientLocale locale)
    {
        var zone = ZonesOf(locale)[0];
        return new(TimeZoneInfo.ConvertTime(NextAllowed(now, locale), zone), zone);
    }

    private static IReadOnlyList<TimeZoneInfo> ZonesOf(RecipientLocale locale) =>
        locale.TimeZones.Count > 0 ? locale.TimeZones : throw new ArgumentException("The recipient has no candidate time zone.", nameof(locale));

    private static InvalidOperationException NoCommonWindow(RecipientLocale locale) =>
        new($"No time within {SearchDays} days is inside the quiet-hours window in every zone of {string.Join(", ", locale.TimeZones.Select(z => z.Id))} (state {locale.State ?? "unknown"}).");

    /// <summary>The earliest instant at or after <paramref name="at"/> inside this zone's window, or null.</summary>
    private DateTimeOffset? NextAllowedIn(TimeZoneInfo zone, string? state, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        for (var day = today; day <= today.AddDays(SearchDays); day = day.AddDays(1))
        {
            if (WindowOn(day.DayOfWeek, state) is not { } window) continue;
            var start = ToInstant(day.ToDateTime(window.Start), zone, later: true);
            var end = ToInstant(day.ToDateTime(window.End), zone, later: false);
            if (at < end) return at >= start ? at : start;
        }
        return null;
    }

    private Window? WindowOn(DayOfWeek day, string? state)
    {
        if (state is null) return federal.Intersect(unknownState);
        if (!states.TryGetValue(state, out var rule)) return federal;
        var own = rule.Days.LastOrDefault(d => d.Day == day);
        if (own is { Closed: true }) return null;
        return federal.Intersect(own is null ? new(rule.Start, rule.End) : new(own.Start, own.End));
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, bool later)
    {
        // Spring forward skips an hour: a bound inside the gap falls on the transition, which is the first
        // valid local minute after it.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            // Fall back repeats an hour: take the stricter reading, a later start and an earlier end.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new(local, later ? offsets.Min() : offsets.Max());
        }
        return new(TimeZoneInfo.ConvertTimeToUtc(local, zone));
    }

    private static Dictionary<string, StateQuietHours> ValidStates(IEnumerable<StateQuietHours> rules)
    {
        var byCode = new Dictionary<string, StateQuietHours>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var code = UsStates.ToCode(rule.State)
                ?? throw new ArgumentException($"Quiet hours: \"{rule.State}\" is not a US state code.");
            _ = Window.From(rule.Start, rule.End, code);
            foreach (var day in rule.Days.Where(d => !d.Closed)) _ = Window.From(day.Start, day.End, $"{code} {day.Day}");
            byCode[code] = rule;
        }
        return byCode;
    }

    private readonly record struct Window(TimeOnly Start, TimeOnly End)
    {
        public static Window From(TimeOnly start, TimeOnly end, string name) =>
            start < end ? new(start, end) : throw new ArgumentException($"Quiet hours: the {name} window must start before it ends ({start:HH:mm}–{end:HH:mm}).");

        public Window? Intersect(Window other)
        {
            var start = Start > other.Start ? Start : other.Start;
            var end = End < other.End ? End : other.End;
            return start < end ? new(start, end) : null;
        }
    }
}

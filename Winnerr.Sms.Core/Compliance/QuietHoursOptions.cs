namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// When marketing texts may go out, in the recipient's local time. Defaults follow the table in
/// COMPLIANCE.md. Holidays are ignored: LA, AL and RI also close on holidays, but no source names which
/// ones, so sends on those days are not held (a known gap).
/// </summary>
public sealed class QuietHoursOptions
{
    public const string Section = "Compliance:QuietHours";

    /// <summary>47 CFR 64.1200(c)(1): no telephone solicitation before 8 am or after 9 pm, every day.</summary>
    public SendWindow Federal { get; set; } = new() { Start = new(8, 0), End = new(21, 0) };

    /// <summary>
    /// Used, with <see cref="Federal"/>, when the recipient's state is unknown ("the strictest window").
    /// Intersecting every state's rule would close every Sunday, so this is the tightest window that is
    /// still open every day: CT/TX's 9:00 start and FL/OK/MD's 20:00 end.
    /// </summary>
    public SendWindow UnknownStateWindow { get; set; } = new() { Start = new(9, 0), End = new(20, 0) };

    /// <summary>
    /// A configured rule replaces the default rule for its state; other states keep their defaults. Empty
    /// here because the configuration binder appends to a list that already has items.
    /// </summary>
    public List<StateQuietHours> States { get; set; } = [];

    /// <summary>The default state rules merged with <see cref="States"/>, one per state.</summary>
    public IReadOnlyList<StateQuietHours> EffectiveStates()
    {
        var byState = DefaultStates().ToDictionary(s => s.State, StringComparer.OrdinalIgnoreCase);
        foreach (var configured in States) byState[configured.State.Trim()] = configured;
        return [.. byState.Values];
    }

    public static IReadOnlyList<StateQuietHours> DefaultStates() =>
    [
        Daily("FL", 8, 20), // FTSA §501.616
        Daily("OK", 8, 20), // OTSA, 2022
        Daily("MD", 8, 20), // Stop the Spam Calls Act, 2024
        Daily("CT", 9, 20), // §42-288a, 2023
        Daily("TX", 9, 21, Open(DayOfWeek.Sunday, 12, 21)), // SB 140, Sept 2025
        Daily("WA", 8, 20), // RCW 19.158.040
        Daily("LA", 8, 20, Closed(DayOfWeek.Sunday)),
        Daily("AL", 8, 20, Closed(DayOfWeek.Sunday)),
        Daily("MS", 8, 20, Closed(DayOfWeek.Sunday)), // sources say 20:00 or 21:00; the stricter
        Daily("RI", 9, 18, Open(DayOfWeek.Saturday, 10, 17), Closed(DayOfWeek.Sunday)), // unconfirmed
        Daily("NJ", 8, 21),
    ];

    private static StateQuietHours Daily(string state, int start, int end, params DayQuietHours[] days) =>
        new() { State = state, Start = new(start, 0), End = new(end, 0), Days = [.. days] };

    private static DayQuietHours Open(DayOfWeek day, int start, int end) =>
        new() { Day = day, Start = new(start, 0), End = new(end, 0) };

    private static DayQuietHours Closed(DayOfWeek day) => new() { Day = day, Closed = true };
}

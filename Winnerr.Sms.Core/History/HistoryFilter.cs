namespace Winnerr.Sms.Core.History;

/// <summary>Status groups the History filter offers, each one or more of Twilio's status words.</summary>
public enum HistoryStatus { Failed, NotSent, Scheduled, Sending, Sent, Delivered, Received }

/// <summary>What History shows: the filter as the agent set it (days in the agent's own time zone).</summary>
public sealed record HistoryFilter
{
    public string? Search { get; init; }
    /// <summary>First day shown, inclusive, in the agent's time zone.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last day shown, inclusive, in the agent's time zone.</summary>
    public DateOnly? To { get; init; }
    public MessageDirection? Direction { get; init; }
    public HistoryStatus? Status { get; init; }
    public long? ContactId { get; init; }
    /// <summary>True: campaign (marketing) texts only; false: none of them; null: both.</summary>
    public bool? Campaign { get; init; }

    public static readonly HistoryFilter All = new();

    public SearchText Text => SearchText.Parse(Search);

    /// <summary>The instants the days cover: from the first day's start up to (excluding) the start of the day after the last.</summary>
    public (DateTimeOffset? Since, DateTimeOffset? Before) Bounds(TimeZoneInfo zone) =>
        (From is { } from ? StartOfDay(from, zone) : null, To is { } to ? StartOfDay(to.AddDays(1), zone) : null);

    /// <summary>The first instant of a local day. Where a DST change skips midnight, the day starts at the first valid time.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // An ambiguous midnight (clocks went back over it) starts with its earlier instant: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static IReadOnlyList<string> StatusWords(HistoryStatus status) => status switch
    {
        HistoryStatus.Failed => [MessageStatus.Failed, MessageStatus.Undelivered],
        HistoryStatus.NotSent => [MessageStatus.Canceled],
        HistoryStatus.Scheduled => [MessageStatus.Scheduled],
        HistoryStatus.Sending => [MessageStatus.Accepted, MessageStatus.Queued, MessageStatus.Sending],
        HistoryStatus.Sent => [MessageStatus.Sent],
        HistoryStatus.Delivered => [MessageStatus.Delivered, MessageStatus.Read],
        HistoryStatus.Received => [MessageStatus.Received],
        _ => [],
    };
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>
/// What the open conversation shows, in order: messages and the record's consent lines, with a divider
/// wherever the day changes in the agent's time zone.
/// </summary>
public static partial class ConversationTimeline
{
    public abstract record Item(string Key);
    public sealed record DayItem(DateOnly Day, string Label) : Item($"d{Day.DayNumber}");
    public sealed record MessageItem(MessageView Message) : Item($"m{Message.Id}");
    public sealed record LineItem(ContactEventView Event) : Item($"e{Event.Id}");

    /// <summary>
    /// Record lines older than the oldest message shown wait until older messages are loaded: a line
    /// floating above messages that are not there yet would read as the start of the conversation.
    /// </summary>
    public static IReadOnlyList<Item> Build(IReadOnlyList<MessageView> messages, IReadOnlyList<ContactEventView> events, bool hasOlder,
        ClientTime clock, DateTimeOffset now)
    {
        var shownFrom = hasOlder && messages.Count > 0 ? messages[0].CreatedAt : DateTimeOffset.MinValue;
        var entries = messages.Select(m => (At: m.CreatedAt, Order: 0, Id: m.Id, Item: (Item)new MessageItem(m)))
            .Concat(events.Where(e => e.At >= shownFrom).Select(e => (At: e.At, Order: 1, Id: e.Id, Item: (Item)new LineItem(e))))
            // A STOP and the opt-out it causes share their instant: the text comes first, then what it did.
            .OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Id);
        var today = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var items = new List<Item>();
        DateOnly? current = null;
        foreach (var entry in entries)
        {
            var day = DateOnly.FromDateTime(clock.ToLocal(entry.At).DateTime);
            if (day != current) items.Add(new DayItem(day, DayLabel(day, today)));
            current = day;
            items.Add(entry.Item);
        }
        return items;
    }

    /// <summary>"Today", "Yesterday", "Mon, Nov 23", and the year too when it is not this year's.</summary>
    public static string DayLabel(DateOnly day, DateOnly today)
    {
        if (day == today) return "Today";
        if (day == today.AddDays(-1)) return "Yesterday";
        return day.ToString(day.Year == today.Year ? "ddd, MMM d" : "ddd, MMM d, yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A record line as the conversation says it: "Maria texted STOP: opted out on Nov 26 at 3:02 PM".
    /// Lines the record words in full keep their wording, with the time added.
    /// </summary>
    public static string Describe(ContactEventView e, string contactName, ClientTime clock)
    {
        var when = clock.ToLocal(e.At).ToString("MMM d 'at' h:mm tt", CultureInfo.InvariantCulture);
        if (KeywordOptOut().Match(e.Text) is { Success: true } stop) return $"{contactName} texted {stop.Groups[1].Value}: opted out on {when}";
        if (KeywordOptIn().Match(e.Text) is { Success: true } start)
            return $"{contactName} texted {start.Groups[1].Value}: opted back in on {when}{(start.Groups[2].Success ? $" ({start.Groups[2].Value})" : "")}";
        return $"{e.Text.TrimEnd('.')} on {when}";
    }

    // The wording ReceiveSmsHandler records for keyword texts.
    [GeneratedRegex(@"^Opted out by texting (\S+)$")]
    private static partial Regex KeywordOptOut();

    [GeneratedRegex(@"^Opted back in by texting (\S+)(?: \((.+)\))?$")]
    private static partial Regex KeywordOptIn();
}

using System.Globalization;
using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.App.History;

/// <summary>The History filter in the URL (bookmarkable, Back restores it): the page and the CSV export read the same names.</summary>
public static class HistoryUrl
{
    public const string Page = "/phone/sms/history";
    public const string Export = "/phone/sms/history/export.csv";

    public static HistoryFilter Parse(Func<string, string?> get) => new()
    {
        Search = string.IsNullOrWhiteSpace(get("q")) ? null : get("q"),
        From = Day(get("from")),
        To = Day(get("to")),
        Direction = get("dir") switch { "in" => MessageDirection.Inbound, "out" => MessageDirection.Outbound, _ => null },
        Status = Enum.TryParse<HistoryStatus>(get("status"), ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null,
        ContactId = long.TryParse(get("contact"), NumberStyles.None, CultureInfo.InvariantCulture, out var contact) ? contact : null,
        Campaign = get("campaign") switch { "yes" => true, "no" => false, _ => null },
    };

    public static string Query(HistoryFilter f)
    {
        var pairs = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(f.Search)) pairs.Add(("q", f.Search));
        if (f.From is { } from) pairs.Add(("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (f.To is { } to) pairs.Add(("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (f.Direction is { } dir) pairs.Add(("dir", dir == MessageDirection.Inbound ? "in" : "out"));
        if (f.Status is { } status) pairs.Add(("status", status.ToString().ToLowerInvariant()));
        if (f.ContactId is { } contact) pairs.Add(("contact", contact.ToString(CultureInfo.InvariantCulture)));
        if (f.Campaign is { } campaign) pairs.Add(("campaign", campaign ? "yes" : "no"));
        return string.Join('&', pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    public static string For(HistoryFilter f) => Query(f) is { Length: > 0 } q ? $"{Page}?{q}" : Page;

    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

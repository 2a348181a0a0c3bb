using System.Text;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Core.History;

/// <summary>History as a spreadsheet: written as it is read, with the same formula guard as the People export.</summary>
public static class HistoryCsv
{
    private static readonly string[] Header = ["Time", "Direction", "Contact", "Phone", "Status", "Campaign", "Text"];

    public static async Task WriteAsync(IAsyncEnumerable<HistoryRow> rows, Stream output, TimeZoneInfo zone, CancellationToken ct = default)
    {
        // The byte order mark is what makes Excel read the file as UTF-8 instead of the Windows code page.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(ct))
        {
            var local = TimeZoneInfo.ConvertTime(row.CreatedAt, zone);
            await writer.WriteAsync(Line(
            [
                local.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
                row.Direction == MessageDirection.Inbound ? "received" : "sent",
                FormulaGuard.Protect(row.ContactName),
                FormulaGuard.Protect(row.ContactPhone),
                row.Status,
                row.CampaignId is null ? "no" : "yes",
                FormulaGuard.Protect(row.Body),
            ]));
        }
        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<string> fields) => CsvText.Line(fields);
}

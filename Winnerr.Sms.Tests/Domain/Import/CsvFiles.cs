using System.Text;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Tests.Domain.Import;

/// <summary>Builds CSV files in memory and reads them the way the import screen does: preview, then parse with the guessed mapping.</summary>
internal static class CsvFiles
{
    public static MemoryStream Utf8(string text, bool byteOrderMark = false) =>
        new(byteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    public static CsvPreview Preview(string text) => ContactCsv.Preview(Utf8(text));

    public static CsvParseResult Parse(string text) => Parse(Utf8(text));

    public static CsvParseResult Parse(byte[] bytes) => Parse(new MemoryStream(bytes));

    public static CsvParseResult Parse(MemoryStream file)
    {
        var mapping = ContactCsv.Preview(file).SuggestedMapping;
        file.Position = 0;
        return ContactCsv.Parse(file, mapping, new PhoneNumberNormalizer());
    }

    /// <summary>Every data row must be accounted for exactly once.</summary>
    public static IEnumerable<int> AllRows(CsvParseResult result) =>
        result.Contacts.Select(c => c.Row)
            .Concat(result.Refused.Select(r => r.Row))
            .Concat(result.DuplicatesInFile.Select(d => d.Row));
}

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>One CSV record (RFC 4180 quoting), for exports written as they are read.</summary>
public static class CsvText
{
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string? field) =>
        field is null ? "" : field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}

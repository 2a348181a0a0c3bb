namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>
/// The header, the first data rows (each exactly as wide as the header) and a guessed mapping of every column.
/// An empty or unreadable file (binary, an Excel workbook) has no headers.
/// </summary>
public sealed record CsvPreview(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> SampleRows,
    IReadOnlyDictionary<int, ContactField> SuggestedMapping);

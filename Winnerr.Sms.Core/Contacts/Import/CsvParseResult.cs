namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>Every data row of the file appears exactly once: as a contact, a refusal or a duplicate merged into an earlier row.</summary>
public sealed record CsvParseResult(
    IReadOnlyList<ParsedContact> Contacts,
    IReadOnlyList<RefusedRow> Refused,
    IReadOnlyList<(int Row, int MergedIntoRow)> DuplicatesInFile);

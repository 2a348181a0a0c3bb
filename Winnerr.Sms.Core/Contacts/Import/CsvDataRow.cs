namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>
/// A non-blank record, numbered as a spreadsheet shows it: one row per record even when a quoted field holds
/// line breaks, and blank lines counted as the empty rows they become.
/// <see cref="Problem"/> says why the record could not be read properly, if it could not.
/// </summary>
internal sealed record CsvDataRow(int Row, string[] Fields, string? Problem = null)
{
    public string Field(int index) => index >= 0 && index < Fields.Length ? Fields[index] : "";
}

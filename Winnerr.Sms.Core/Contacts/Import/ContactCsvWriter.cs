using CsvHelper;

namespace Winnerr.Sms.Core.Contacts.Import;

internal static class ContactCsvWriter
{
    private static readonly string[] Header =
        ["First name", "Last name", "Phone", "Email", "Property address", "Tags", "Notes", "Consent"];

    public static void Write(IEnumerable<ContactExportRow> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        // The byte order mark is what makes Excel read the file as UTF-8 instead of the Windows code page.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        writer.WriteRecord(Header);
        foreach (var row in rows)
        {
            writer.WriteRecord(
            [
                FormulaGuard.Protect(row.FirstName),
                FormulaGuard.Protect(row.LastName),
                FormulaGuard.Protect(row.Phone),
                FormulaGuard.Protect(row.Email),
                FormulaGuard.Protect(row.PropertyAddress),
                FormulaGuard.Protect(string.Join("; ", row.Tags)),
                FormulaGuard.Protect(row.Notes),
                FormulaGuard.Protect(row.Consent),
            ]);
        }
    }
}

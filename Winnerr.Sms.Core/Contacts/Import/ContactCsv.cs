namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>
/// Reads contact lists from CSV (comma, semicolon or tab separated; UTF-8 with or without a byte order mark, UTF-16,
/// or Excel's Windows code page) and writes them back out. Row numbers are those a spreadsheet shows: the header is
/// row 1, a quoted field with line breaks is still one row, and blank lines count but are otherwise skipped.
/// </summary>
public static class ContactCsv
{
    /// <summary>
    /// The header, the first five data rows and a mapping guessed from the header names.
    /// A file without a header, or that is not text (an Excel workbook, an image), gives an empty preview.
    /// </summary>
    public static CsvPreview Preview(Stream csv)
    {
        using var table = CsvTable.Open(csv);
        var width = table.Headers.Count;
        var samples = table.DataRows()
            .Take(5)
            .Select(row => (IReadOnlyList<string>)[.. Enumerable.Range(0, width).Select(row.Field)])
            .ToList();
        return new CsvPreview(table.Headers, samples, HeaderGuess.For(table.Headers));
    }

    /// <summary>
    /// Reads every data row through <paramref name="mapping"/> (column index to field). Each data row ends up exactly
    /// once in the result: as a contact, as a refusal with the reasons, or as a duplicate of an earlier row with the
    /// same phone number, merged into that row's contact. A file without a header or data rows gives an empty result;
    /// a file that is not text gives a single refusal of row 1 that says so.
    /// </summary>
    public static CsvParseResult Parse(Stream csv, IReadOnlyDictionary<int, ContactField> mapping, PhoneNumberNormalizer phones)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(phones);
        using var table = CsvTable.Open(csv);
        if (table.IsBinary)
            return new CsvParseResult([], [new RefusedRow(1, NotText)], []);

        var reader = new ContactRowReader(mapping, phones);
        var contacts = new List<ContactDraft>();
        var byPhone = new Dictionary<string, ContactDraft>();
        var refused = new List<RefusedRow>();
        var duplicates = new List<(int Row, int MergedIntoRow)>();
        foreach (var row in table.DataRows())
        {
            if (!reader.TryRead(row, out var contact, out var reason))
            {
                refused.Add(new RefusedRow(row.Row, reason));
            }
            else if (byPhone.TryGetValue(contact.Phone, out var first))
            {
                first.MergeFrom(contact);
                duplicates.Add((row.Row, first.Row));
            }
            else
            {
                byPhone.Add(contact.Phone, contact);
                contacts.Add(contact);
            }
        }
        return new CsvParseResult(contacts.ConvertAll(c => c.ToParsed()), refused, duplicates);
    }

    /// <summary>
    /// Writes the contacts as UTF-8 CSV with a byte order mark (so Excel reads it as UTF-8) under the header
    /// <c>First name,Last name,Phone,Email,Property address,Tags,Notes,Consent</c>, tags joined with "; ".
    /// Text that a spreadsheet would run as a formula gets a leading ' (E.164 phone numbers excepted);
    /// <see cref="Parse"/> removes it again.
    /// </summary>
    public static void Write(IEnumerable<ContactExportRow> rows, Stream output) => ContactCsvWriter.Write(rows, output);

    private const string NotText =
        "The file is not a CSV text file. If it is a spreadsheet, save it as CSV (UTF-8) and import that.";
}

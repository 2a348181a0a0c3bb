using CsvHelper;

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>A CSV file as its header (the first non-blank record) and the data rows after it.</summary>
internal sealed class CsvTable : IDisposable
{
    // No field is anywhere near this long; a bigger record means a quote was never closed in a large file.
    private const int MaxRecordBytes = 1024 * 1024;

    private const string UnclosedQuote =
        "A quote (\") in this row is never closed, so the rest of the file was read as part of this row.";

    private const string TooLong =
        "This row is too long to read (over 1 MB; often a quote that is never closed), so it and the rest of the file were not imported.";

    private readonly CsvReader? _reader;
    private readonly HashSet<long> _unclosedQuoteRows = [];
    private readonly IEnumerator<CsvDataRow> _records;

    private CsvTable(Stream csv)
    {
        var sniffed = TextSniffer.Sniff(csv);
        IsBinary = sniffed.IsBinary;
        if (!IsBinary)
        {
            // The header is handled here rather than by CsvHelper so that blank lines before it are skipped
            // and every record, blank or not, counts towards the row numbers.
            var options = CsvReaderOptions.Default with
            {
                HasHeader = false,
                SkipEmptyLines = false,
                MaxRecordSize = MaxRecordBytes,
                Encoding = sniffed.Encoding,
                OnMalformedRecord = record =>
                {
                    if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                        _unclosedQuoteRows.Add(record.RecordNumber);
                },
            };
            _reader = CsvReader.Create(sniffed.Content, options, leaveOpen: true);
        }
        _records = ReadRecords().GetEnumerator();
        Headers = _records.MoveNext() && _records.Current.Problem is null ? [.. _records.Current.Fields.Select(f => f.Trim())] : [];
    }

    /// <summary>The file is not text at all: an Excel workbook, an image, a PDF.</summary>
    public bool IsBinary { get; }

    /// <summary>Empty when the file has no header.</summary>
    public IReadOnlyList<string> Headers { get; }

    public static CsvTable Open(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return new CsvTable(csv);
    }

    /// <summary>The rows after the header, read as they are enumerated (once).</summary>
    public IEnumerable<CsvDataRow> DataRows()
    {
        if (Headers.Count == 0)
            yield break;
        while (_records.MoveNext())
            yield return _records.Current;
    }

    public void Dispose()
    {
        _records.Dispose();
        _reader?.Dispose();
    }

    private IEnumerable<CsvDataRow> ReadRecords()
    {
        if (_reader is null)
            yield break;
        var lastRow = 0L;
        while (true)
        {
            bool read;
            long failedRow;
            try
            {
                read = _reader.Read();
                failedRow = 0;
            }
            catch (CsvFormatException ex)
            {
                read = false;
                failedRow = ex.RecordNumber > lastRow ? ex.RecordNumber : lastRow + 1;
            }
            if (failedRow > 0)
            {
                yield return new CsvDataRow((int)failedRow, [], TooLong);
                yield break;
            }
            if (!read)
                yield break;

            lastRow = _reader.RowNumber;
            var fields = new string[_reader.FieldCount];
            var blank = true;
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _reader.GetString(i);
                blank = blank && string.IsNullOrWhiteSpace(fields[i]);
            }
            if (blank)
                continue;
            yield return new CsvDataRow((int)lastRow, fields, _unclosedQuoteRows.Contains(lastRow) ? UnclosedQuote : null);
        }
    }
}

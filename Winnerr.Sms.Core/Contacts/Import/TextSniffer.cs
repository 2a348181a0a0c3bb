using System.Buffers;
using System.Text;

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>What the start of a file says about how to read it.</summary>
internal readonly record struct SniffedText(Stream Content, Encoding? Encoding, bool IsBinary);

internal static class TextSniffer
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>Looks at the first 64 KiB and returns a stream that still starts at the beginning.</summary>
    public static SniffedText Sniff(Stream csv)
    {
        var head = new byte[SniffBytes];
        var length = csv.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var content = new ReplayStream(head, length, csv);
        var bytes = head.AsSpan(0, length);

        // UTF-16/32 text is full of zero bytes; CsvHelper honours those byte order marks itself.
        if (HasWideByteOrderMark(bytes))
            return new SniffedText(content, null, IsBinary: false);
        if (bytes.Contains((byte)0))
            return new SniffedText(content, null, IsBinary: true);
        // Excel's plain "CSV" format saves in the Windows code page: read it as that rather than turn "José" into "Jos?".
        return bytes.StartsWith(Encoding.UTF8.Preamble) || IsUtf8(bytes, atEnd: length < head.Length)
            ? new SniffedText(content, null, IsBinary: false)
            : new SniffedText(content, CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1, IsBinary: false);
    }

    private static bool HasWideByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.InvalidData)
                return false;
            // A character cut in two by the end of the sniffed block is not an error.
            if (status == OperationStatus.NeedMoreData)
                return !atEnd;
            bytes = bytes[consumed..];
        }
        return true;
    }
}

using System.Text;

namespace Winnerr.Sms.Core.Messaging;

public enum SmsEncoding { Gsm7, Ucs2 }

public sealed record SegmentInfo(
    SmsEncoding Encoding,
    int Characters,
    int Units,
    int Segments,
    int PerSegment,
    int UnitsLeftInSegment,
    IReadOnlyList<UnicodeOffender> Offenders)
{
    public string EncodingName => Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
}

public sealed record UnicodeOffender(string Text, int Index, string? Replacement);

public static class SmsSegments
{
    // A concatenated message spends 6 octets of every segment on the UDH (3GPP TS 23.040), leaving
    // 153 septets or 67 UCS-2 code units out of the single-message 160 / 70.
    private const int Gsm7Single = 160;
    private const int Gsm7Concatenated = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2Concatenated = 67;

    public static SegmentInfo Measure(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new SegmentInfo(SmsEncoding.Gsm7, 0, 0, 0, Gsm7Single, Gsm7Single, []);
        }

        var offenders = new List<UnicodeOffender>();
        var characters = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // A lone surrogate enumerates as U+FFFD with length 1, so index stays in step with the string.
            var length = rune.Utf16SequenceLength;
            if (!Gsm7.IsGsm(rune))
            {
                offenders.Add(new UnicodeOffender(text.Substring(index, length), index, Gsm7.ReplacementFor(rune)));
            }

            characters++;
            index += length;
        }

        var encoding = offenders.Count == 0 ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var sizes = UnitSizes(text, encoding);
        var total = sizes.Sum();
        var single = encoding == SmsEncoding.Gsm7 ? Gsm7Single : Ucs2Single;
        if (total <= single)
        {
            return new SegmentInfo(encoding, characters, total, 1, single, single - total, offenders);
        }

        var perSegment = encoding == SmsEncoding.Gsm7 ? Gsm7Concatenated : Ucs2Concatenated;
        var segments = 1;
        var used = 0;
        foreach (var size in sizes)
        {
            // Twilio never splits an ESC pair or a surrogate pair across segments: the handset would
            // render garbage, so the whole pair moves on and the leftover unit is wasted.
            if (used + size > perSegment)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SegmentInfo(encoding, characters, total, segments, perSegment, perSegment - used, offenders);
    }

    public static string ReplaceWithGsm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offenders = Measure(text).Offenders;
        if (!offenders.Any(o => o.Replacement is not null))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var offender in offenders.Where(o => o.Replacement is not null))
        {
            builder.Append(text, position, offender.Index - position).Append(offender.Replacement);
            position = offender.Index + offender.Text.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static List<int> UnitSizes(string text, SmsEncoding encoding)
    {
        var sizes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sizes.Add(encoding == SmsEncoding.Gsm7
                ? Gsm7.IsExtension((char)rune.Value) ? 2 : 1
                : rune.Utf16SequenceLength);
        }

        return sizes;
    }
}

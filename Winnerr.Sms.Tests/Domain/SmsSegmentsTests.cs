using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.Domain;

public class SmsSegmentsTests
{
    private const string Cyrillic = "ж";
    private const string Emoji = "😀";

    private static string Gsm(int count) => new('a', count);

    private static string Ucs2(int count) => string.Concat(Enumerable.Repeat(Cyrillic, count));

    [Fact]
    public void WhenTextIsNullOrEmpty_ThenItIsZeroSegmentsOfGsm7()
    {
        foreach (var text in new[] { null, "" })
        {
            var info = SmsSegments.Measure(text);
            Assert.Equal((SmsEncoding.Gsm7, 0, 0, 0), (info.Encoding, info.Characters, info.Units, info.Segments));
            Assert.Empty(info.Offenders);
        }
    }

    [Theory]
    [InlineData(1, 1, 160, 159)]
    [InlineData(160, 1, 160, 0)]
    [InlineData(161, 2, 153, 145)]
    [InlineData(306, 2, 153, 0)]
    [InlineData(307, 3, 153, 152)]
    [InlineData(459, 3, 153, 0)]
    [InlineData(460, 4, 153, 152)]
    public void WhenTextIsNGsmCharacters_ThenSegmentsFollowThe160And153Limits(int length, int segments, int perSegment, int left)
    {
        var info = SmsSegments.Measure(Gsm(length));

        Assert.Equal(SmsEncoding.Gsm7, info.Encoding);
        Assert.Equal("GSM-7", info.EncodingName);
        Assert.Equal((length, length, segments, perSegment, left),
            (info.Characters, info.Units, info.Segments, info.PerSegment, info.UnitsLeftInSegment));
    }

    [Fact]
    public void WhenTextIs161GsmCharacters_ThenItIsTwoSegments() =>
        Assert.Equal(2, SmsSegments.Measure(Gsm(161)).Segments);

    [Theory]
    [InlineData(158, 160, 1, 0)]
    [InlineData(159, 161, 2, 145)]
    public void WhenExtensionCharacterEndsTheText_ThenItCountsTwoUnits(int prefix, int units, int segments, int left)
    {
        var info = SmsSegments.Measure(Gsm(prefix) + "€");

        Assert.Equal(SmsEncoding.Gsm7, info.Encoding);
        Assert.Equal((prefix + 1, units, segments, left), (info.Characters, info.Units, info.Segments, info.UnitsLeftInSegment));
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData(']')]
    [InlineData('~')]
    [InlineData('|')]
    [InlineData('€')]
    [InlineData('\f')]
    public void WhenTextIsOneExtensionCharacter_ThenItIsTwoGsmUnits(char c)
    {
        var info = SmsSegments.Measure(c.ToString());
        Assert.Equal((SmsEncoding.Gsm7, 1, 2), (info.Encoding, info.Characters, info.Units));
    }

    [Fact]
    public void WhenEscapeStraddlesThe153Boundary_ThenThePairMovesToTheNextSegment()
    {
        // 306 units would fit two segments if the ESC pair could be split; it cannot.
        var info = SmsSegments.Measure(Gsm(152) + "€" + Gsm(152));

        Assert.Equal((306, 3, 152), (info.Units, info.Segments, info.UnitsLeftInSegment));
    }

    [Fact]
    public void WhenTextIsTheWholeGsmBasicAlphabet_ThenItStaysGsm7()
    {
        const string alphabet = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        var info = SmsSegments.Measure(alphabet);

        Assert.Equal(SmsEncoding.Gsm7, info.Encoding);
        Assert.Equal(alphabet.Length, info.Units);
        Assert.Empty(info.Offenders);
    }

    [Theory]
    [InlineData(70, 1, 70, 0)]
    [InlineData(71, 2, 67, 63)]
    [InlineData(134, 2, 67, 0)]
    [InlineData(135, 3, 67, 66)]
    public void WhenTextIsNUcs2Units_ThenSegmentsFollowThe70And67Limits(int length, int segments, int perSegment, int left)
    {
        var info = SmsSegments.Measure(Ucs2(length));

        Assert.Equal(SmsEncoding.Ucs2, info.Encoding);
        Assert.Equal("UCS-2", info.EncodingName);
        Assert.Equal((length, length, segments, perSegment, left),
            (info.Characters, info.Units, info.Segments, info.PerSegment, info.UnitsLeftInSegment));
    }

    [Fact]
    public void WhenEmojiStraddlesThe67Boundary_ThenTheSurrogatePairMovesToTheNextSegment()
    {
        // 134 units would fit two segments if the surrogate pair could be split; it cannot.
        var info = SmsSegments.Measure(Ucs2(66) + Emoji + Ucs2(66));

        Assert.Equal((133, 134, 3, 66), (info.Characters, info.Units, info.Segments, info.UnitsLeftInSegment));
    }

    [Fact]
    public void WhenOneSmartQuoteIsMixedIntoGsmText_ThenItFlipsToUcs2()
    {
        var info = SmsSegments.Measure("Hello it’s me");

        Assert.Equal(SmsEncoding.Ucs2, info.Encoding);
        Assert.Equal((13, 13, 1, 57), (info.Characters, info.Units, info.Segments, info.UnitsLeftInSegment));
        Assert.Equal([new UnicodeOffender("’", 8, "'")], info.Offenders);
    }

    [Fact]
    public void WhenTextHasOffenders_ThenEachOccurrenceIsReportedWithUtf16IndexAndReplacement()
    {
        var info = SmsSegments.Measure("a\u00A0b" + Emoji + "c…’’");

        Assert.Equal((8, 9), (info.Characters, info.Units));
        Assert.Equal(
            [
                new UnicodeOffender("\u00A0", 1, " "),
                new UnicodeOffender(Emoji, 3, null),
                new UnicodeOffender("…", 6, "..."),
                new UnicodeOffender("’", 7, "'"),
                new UnicodeOffender("’", 8, "'"),
            ],
            info.Offenders);
    }

    [Theory]
    [InlineData("‘", "'")]
    [InlineData("‚", "'")]
    [InlineData("‛", "'")]
    [InlineData("′", "'")]
    [InlineData("´", "'")]
    [InlineData("“", "\"")]
    [InlineData("„", "\"")]
    [InlineData("‟", "\"")]
    [InlineData("″", "\"")]
    [InlineData("«", "\"")]
    [InlineData("»", "\"")]
    [InlineData("–", "-")]
    [InlineData("‒", "-")]
    [InlineData("―", "-")]
    [InlineData("•", "*")]
    [InlineData("ˆ", "^")]
    [InlineData("‹", "<")]
    [InlineData("›", ">")]
    [InlineData("\u2003", " ")]
    [InlineData("\u202F", " ")]
    [InlineData("\u3000", " ")]
    [InlineData("ж", null)]
    [InlineData("\u200B", null)]
    public void WhenCharacterIsTypographic_ThenItHasAPlainGsmReplacement(string text, string? replacement) =>
        Assert.Equal(new UnicodeOffender(text, 0, replacement), Assert.Single(SmsSegments.Measure(text).Offenders));

    [Fact]
    public void WhenReplacingWithGsm_ThenSmartPunctuationBecomesPlainAndTheTextIsGsm7()
    {
        var replaced = SmsSegments.ReplaceWithGsm("“Hi” — it’s…");

        Assert.Equal("\"Hi\" - it's...", replaced);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Measure(replaced).Encoding);
    }

    [Fact]
    public void WhenReplacingWithGsm_ThenOffendersWithoutReplacementAreKept()
    {
        var replaced = SmsSegments.ReplaceWithGsm("ok " + Emoji + " ’");

        Assert.Equal("ok " + Emoji + " '", replaced);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Measure(replaced).Encoding);
    }

    [Fact]
    public void WhenTextHasALoneSurrogate_ThenItIsOneUcs2UnitOffender()
    {
        var info = SmsSegments.Measure("a\uD83D");

        Assert.Equal((SmsEncoding.Ucs2, 2, 2), (info.Encoding, info.Characters, info.Units));
        Assert.Equal([new UnicodeOffender("\uD83D", 1, null)], info.Offenders);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace Winnerr.Sms.Core.Messaging;

internal static class Gsm7
{
    // GSM 03.38 / 3GPP TS 23.038 §6.2.1 default alphabet. ESC (0x1B) is deliberately absent: it
    // only introduces extension characters and never appears as text.
    private static readonly SearchValues<char> Basic = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");

    // 3GPP TS 23.038 §6.2.1.1 extension table; each is sent as ESC + char, so it costs 2 septets.
    private static readonly SearchValues<char> Extension = SearchValues.Create("\f^{}\\[]~|€");

    public static bool IsBasic(char c) => Basic.Contains(c);

    public static bool IsExtension(char c) => Extension.Contains(c);

    public static bool IsGsm(Rune rune) => rune.IsBmp && (IsBasic((char)rune.Value) || IsExtension((char)rune.Value));

    // Same spirit as Twilio "Smart Encoding": only look-alike typography gets a substitute, so a
    // replacement never changes what the reader understands.
    public static string? ReplacementFor(Rune rune) => rune.Value switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
        '\u2012' or '\u2013' or '\u2014' or '\u2015' => "-",
        '\u2026' => "...",
        '\u2022' => "*",
        '\u02C6' => "^",
        '\u2039' => "<",
        '\u203A' => ">",
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator => " ",
        _ => null,
    };
}

using PhoneNumbers;

namespace Winnerr.Sms.Core.Contacts;

/// <summary>Turns what a person types into E.164, or says why it cannot.</summary>
public sealed class PhoneNumberNormalizer(string defaultRegion = "US")
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public bool TryNormalize(string? input, out string e164, out string error)
    {
        e164 = "";
        error = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Enter a phone number.";
            return false;
        }
        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(input.Trim(), defaultRegion);
        }
        catch (NumberParseException ex)
        {
            error = $"\"{input.Trim()}\" is not a phone number ({ex.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "unknown country code",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "too short",
                ErrorType.TOO_LONG => "too long",
                _ => "not a number",
            }}).";
            return false;
        }
        if (!Util.IsValidNumber(parsed))
        {
            error = $"\"{input.Trim()}\" is not a valid phone number.";
            return false;
        }
        e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>For display: "(555) 201-0101" for national numbers, international format otherwise.</summary>
    public string Format(string e164)
    {
        // Every render of every unnamed row formats its number; parsing is far dearer than a lookup.
        if (_formatted.TryGetValue(e164, out var cached)) return cached;
        if (_formatted.Count >= FormatCacheSize) _formatted.Clear();
        return _formatted[e164] = FormatUncached(e164);
    }

    private const int FormatCacheSize = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _formatted = new();

    private string FormatUncached(string e164)
    {
        try
        {
            var parsed = Util.Parse(e164, defaultRegion);
            return Util.GetRegionCodeForNumber(parsed) == defaultRegion
                ? Util.Format(parsed, PhoneNumberFormat.NATIONAL)
                : Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}

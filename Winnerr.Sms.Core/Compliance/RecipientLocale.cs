using PhoneNumbers;

namespace Winnerr.Sms.Core.Compliance;

/// <summary>Where the recipient's time zones came from, for display next to a held send.</summary>
public enum TimeZoneSource { Contact, PhoneNumber, Unknown }

/// <summary>
/// The recipient's candidate time zones and US state. Quiet hours are judged in the recipient's local time
/// (47 CFR 64.1200(c)(1)), never the agent's: the mistake COMPLIANCE.md warns about in Follow Up Boss.
/// </summary>
public sealed record RecipientLocale(IReadOnlyList<TimeZoneInfo> TimeZones, string? State, TimeZoneSource Source)
{
    /// <summary>Every zone a US number could be in, used when the number does not say.</summary>
    public static readonly IReadOnlyList<string> UnknownUsZoneIds =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    ];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="e164">The recipient's number.</param>
    /// <param name="contactTimeZone">The contact's IANA zone, which wins over the number when valid.</param>
    /// <param name="contactState">The contact's US state code, which wins over the area code when set.</param>
    public static RecipientLocale Resolve(string e164, string? contactTimeZone, string? contactState = null)
    {
        var number = TryParse(e164);
        var state = UsStates.ToCode(contactState) ?? (number is null ? null : StateOf(number));

        if (TryFindZone(contactTimeZone) is { } contactZone)
            return new([contactZone], state, TimeZoneSource.Contact);

        var fromNumber = number is null ? [] : ZonesOf(number);
        return fromNumber.Count > 0
            ? new(fromNumber, state, TimeZoneSource.PhoneNumber)
            : new(UnknownUsZoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById).ToList(), state, TimeZoneSource.Unknown);
    }

    private static PhoneNumber? TryParse(string e164)
    {
        try
        {
            return Util.Parse(e164, "US");
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static TimeZoneInfo? TryFindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    private static List<TimeZoneInfo> ZonesOf(PhoneNumber number)
    {
        // A +1 toll-free or other non-geographic number maps to every NANP zone, Guam to Newfoundland, whose
        // windows never overlap; it says nothing about where the person is, so it counts as unknown.
        if (number.CountryCode == 1 && !IsGeographic(Util.GetNumberType(number))) return [];
        return PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(number)
            .Where(id => id != "Etc/Unknown")
            .Select(TryFindZone)
            .OfType<TimeZoneInfo>()
            .ToList();
    }

    private static bool IsGeographic(PhoneNumberType type) =>
        type is PhoneNumberType.FIXED_LINE or PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;

    private static string? StateOf(PhoneNumber number) =>
        Util.GetRegionCodeForNumber(number) == "US"
            ? UsStates.FromGeocoderDescription(PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(number, Locale.English))
            : null;
}

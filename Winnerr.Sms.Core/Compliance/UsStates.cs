namespace Winnerr.Sms.Core.Compliance;

/// <summary>US state names and codes, as libphonenumber's English geocoder writes them.</summary>
internal static class UsStates
{
    private static readonly Dictionary<string, string> CodeByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA",
        ["Colorado"] = "CO", ["Connecticut"] = "CT", ["Delaware"] = "DE", ["Florida"] = "FL", ["Georgia"] = "GA",
        ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN", ["Iowa"] = "IA",
        ["Kansas"] = "KS", ["Kentucky"] = "KY", ["Louisiana"] = "LA", ["Maine"] = "ME", ["Maryland"] = "MD",
        ["Massachusetts"] = "MA", ["Michigan"] = "MI", ["Minnesota"] = "MN", ["Mississippi"] = "MS", ["Missouri"] = "MO",
        ["Montana"] = "MT", ["Nebraska"] = "NE", ["Nevada"] = "NV", ["New Hampshire"] = "NH", ["New Jersey"] = "NJ",
        ["New Mexico"] = "NM", ["New York"] = "NY", ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH",
        ["Oklahoma"] = "OK", ["Oregon"] = "OR", ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC",
        ["South Dakota"] = "SD", ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT",
        ["Virginia"] = "VA", ["Washington"] = "WA", ["West Virginia"] = "WV", ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
        // The geocoder's own spellings (libphonenumber 9.0.43 data, checked in RecipientLocaleTests).
        ["Washington State"] = "WA", ["Washington D.C."] = "DC", ["District of Columbia"] = "DC",
    };

    private static readonly HashSet<string> Codes = [.. CodeByName.Values];

    /// <summary>A two-letter code or a full name, to the code; null when it is neither.</summary>
    public static string? ToCode(string? state)
    {
        var trimmed = state?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (Codes.Contains(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        return CodeByName.GetValueOrDefault(trimmed);
    }

    /// <summary>"New York, NY" (a city) or "Texas" (a whole area code's state) to the state code.</summary>
    public static string? FromGeocoderDescription(string description)
    {
        var comma = description.LastIndexOf(',');
        return ToCode(comma >= 0 ? description[(comma + 1)..] : description);
    }
}

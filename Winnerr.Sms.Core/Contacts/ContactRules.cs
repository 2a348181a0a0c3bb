using System.Net.Mail;

namespace Winnerr.Sms.Core.Contacts;

/// <summary>What a contact must satisfy, and how an edit is applied and described on the record.</summary>
internal static class ContactRules
{
    internal static string? Validate(PhoneNumberNormalizer phones, ContactInput input, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(input.FirstName) && string.IsNullOrWhiteSpace(input.LastName)) return "Enter a first or last name.";
        if (input.FirstName.Trim().Length > 100 || input.LastName.Trim().Length > 100) return "Names can be at most 100 characters.";
        if (!phones.TryNormalize(input.Phone, out phone, out var error)) return error;
        if (!string.IsNullOrWhiteSpace(input.Email) && !IsEmail(input.Email.Trim())) return $"\"{input.Email.Trim()}\" is not a valid email address.";
        if (input.TimeZone is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) return $"Unknown time zone \"{zone}\".";
        return null;
    }

    /// <summary>
    /// A contact who texted STOP can only opt back in themselves (START): an agent may not override it
    /// (CTIA / carrier rules behind Twilio's opt-out handling).
    /// </summary>
    internal static string? KeywordOptOutBlocks(Contact contact, ConsentStatus wanted) =>
        contact.IsOptedOut && wanted != ConsentStatus.OptedOut && contact.OptOutKeyword is { } keyword && OptOutKeywords.OptOut.Contains(keyword)
            ? $"{contact.DisplayName} opted out by texting {keyword}. Only they can opt back in, by texting START."
            : null;

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');

    internal static void Apply(Contact contact, ContactInput input, string phone)
    {
        contact.FirstName = input.FirstName.Trim();
        contact.LastName = input.LastName.Trim();
        contact.Phone = phone;
        contact.Email = Blank(input.Email);
        contact.PropertyAddress = Blank(input.PropertyAddress);
        contact.ShowingAt = input.ShowingAt;
        contact.TimeZone = Blank(input.TimeZone);
        contact.Notes = Blank(input.Notes);
        var tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => t.Length > 40 ? t[..40] : t)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        contact.Tags.RemoveAll(t => !tags.Contains(t.Tag, StringComparer.OrdinalIgnoreCase));
        foreach (var tag in tags.Where(t => !contact.Tags.Any(x => x.Tag.Equals(t, StringComparison.OrdinalIgnoreCase))))
            contact.Tags.Add(new ContactTag { Tag = tag });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static Dictionary<string, string?> Describe(Contact c) => new()
    {
        ["name"] = $"{c.FirstName} {c.LastName}", ["phone"] = c.Phone, ["email"] = c.Email, ["property address"] = c.PropertyAddress,
        ["showing time"] = c.ShowingAt?.ToString("O"), ["time zone"] = c.TimeZone, ["notes"] = c.Notes,
        ["tags"] = string.Join(",", c.Tags.Select(t => t.Tag).Order()),
    };

    internal static string Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        string.Join(", ", before.Keys.Where(k => before[k] != after[k]));
}

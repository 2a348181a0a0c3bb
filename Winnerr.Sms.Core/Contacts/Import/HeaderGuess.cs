namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>Guesses what a column holds from its header name.</summary>
internal static class HeaderGuess
{
    private static readonly Dictionary<string, ContactField> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first name"] = ContactField.FirstName,
        ["first"] = ContactField.FirstName,
        ["firstname"] = ContactField.FirstName,
        ["given name"] = ContactField.FirstName,
        ["last name"] = ContactField.LastName,
        ["surname"] = ContactField.LastName,
        ["lastname"] = ContactField.LastName,
        ["last"] = ContactField.LastName,
        ["family name"] = ContactField.LastName,
        ["name"] = ContactField.FullName,
        ["full name"] = ContactField.FullName,
        ["contact"] = ContactField.FullName,
        ["phone"] = ContactField.Phone,
        ["mobile"] = ContactField.Phone,
        ["cell"] = ContactField.Phone,
        ["phone number"] = ContactField.Phone,
        ["mobile phone"] = ContactField.Phone,
        ["mobile number"] = ContactField.Phone,
        ["cell phone"] = ContactField.Phone,
        ["cell number"] = ContactField.Phone,
        ["email"] = ContactField.Email,
        ["e-mail"] = ContactField.Email,
        ["address"] = ContactField.PropertyAddress,
        ["property"] = ContactField.PropertyAddress,
        ["property address"] = ContactField.PropertyAddress,
        ["street address"] = ContactField.PropertyAddress,
        ["street"] = ContactField.PropertyAddress,
        ["tags"] = ContactField.Tags,
        ["tag"] = ContactField.Tags,
        ["labels"] = ContactField.Tags,
        ["notes"] = ContactField.Notes,
        ["note"] = ContactField.Notes,
        ["comments"] = ContactField.Notes,
        ["consent"] = ContactField.Consent,
        ["sms consent"] = ContactField.Consent,
        ["consent source"] = ContactField.ConsentSource,
        ["consent date"] = ContactField.ConsentDate,
    };

    public static ContactField For(string header)
    {
        // CRM exports write first_name, "Phone  Number" and "Phone 1" (Follow Up Boss, kvCORE) as often as "First name".
        var words = header.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (words.Count > 1 && words[^1].All(char.IsDigit)) words.RemoveAt(words.Count - 1);
        return Known.GetValueOrDefault(string.Join(' ', words), ContactField.Ignore);
    }

    public static IReadOnlyDictionary<int, ContactField> For(IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<int, ContactField>(headers.Count);
        for (var i = 0; i < headers.Count; i++)
            mapping[i] = For(headers[i]);
        return mapping;
    }
}

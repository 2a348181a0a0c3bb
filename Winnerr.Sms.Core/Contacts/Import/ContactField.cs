namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>What a CSV column is imported as.</summary>
public enum ContactField
{
    Ignore,
    FirstName,
    LastName,
    FullName,
    Phone,
    Email,
    PropertyAddress,
    Tags,
    Notes,
    /// <summary>marketing, transactional or opted-out.</summary>
    Consent,
    ConsentSource,
    ConsentDate,
}

public static class ContactFieldNames
{
    /// <summary>What the import's column mapping shows for each field.</summary>
    public static string Label(ContactField field) => field switch
    {
        ContactField.Ignore => "Don't import",
        ContactField.FirstName => "First name",
        ContactField.LastName => "Last name",
        ContactField.FullName => "Full name (split into first and last)",
        ContactField.Phone => "Mobile phone",
        ContactField.Email => "Email",
        ContactField.PropertyAddress => "Property address",
        ContactField.Tags => "Tags",
        ContactField.Notes => "Notes",
        ContactField.Consent => "SMS consent (marketing, transactional, opted-out)",
        ContactField.ConsentSource => "Consent source",
        ContactField.ConsentDate => "Consent date",
        _ => field.ToString(),
    };
}

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
}

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>One contact as written by <see cref="ContactCsv.Write"/>.</summary>
public sealed record ContactExportRow(
    string FirstName,
    string LastName,
    string Phone,
    string? Email,
    string? PropertyAddress,
    IReadOnlyList<string> Tags,
    string? Notes,
    string Consent);

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>A contact read from a CSV row. <see cref="Row"/> is the spreadsheet row number (the header is row 1).</summary>
public sealed record ParsedContact(
    int Row,
    string FirstName,
    string LastName,
    string Phone,
    string? Email,
    string? PropertyAddress,
    IReadOnlyList<string> Tags,
    string? Notes,
    ImportedConsent? Consent = null);

/// <summary>Consent as a CSV states it, with where it came from and when (both optional).</summary>
public sealed record ImportedConsent(ConsentStatus Status, string? Source, DateTimeOffset? At);

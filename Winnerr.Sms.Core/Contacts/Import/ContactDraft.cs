namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>A valid row on its way to becoming a <see cref="ParsedContact"/>; later rows with the same phone merge into it.</summary>
internal sealed class ContactDraft(
    int row, string firstName, string lastName, string phone, string? email, string? propertyAddress, List<string> tags, string? notes,
    ImportedConsent? consent = null)
{
    private ImportedConsent? _consent = consent;
    public int Row { get; } = row;
    public string Phone { get; } = phone;
    private string _firstName = firstName;
    private string _lastName = lastName;
    private string? _email = email;
    private string? _propertyAddress = propertyAddress;
    private string? _notes = notes;

    /// <summary>Fills what this row left empty from a later row, and adds that row's tags.</summary>
    public void MergeFrom(ContactDraft later)
    {
        if (_firstName.Length == 0)
            _firstName = later._firstName;
        if (_lastName.Length == 0)
            _lastName = later._lastName;
        _email ??= later._email;
        _propertyAddress ??= later._propertyAddress;
        _notes ??= later._notes;
        // An opt-out anywhere in the file wins over consent stated in another row.
        if (_consent is null || later._consent?.Status == ConsentStatus.OptedOut) _consent = later._consent ?? _consent;
        TagList.AddNew(tags, later.Tags);
    }

    private List<string> Tags => tags;

    public ParsedContact ToParsed() => new(Row, _firstName, _lastName, Phone, _email, _propertyAddress, tags, _notes, _consent);
}

using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>Turns one data row into a contact through the column mapping, or says everything that is wrong with it.</summary>
internal sealed class ContactRowReader(IReadOnlyDictionary<int, ContactField> mapping, PhoneNumberNormalizer phones)
{
    private const int MaxName = 100;
    private const int MaxNotes = 2000;
    private const int MaxTag = 40;
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];
    private static readonly char[] Blanks = [' ', '\t'];

    // Several columns may share a field (Phone and Mobile, or Street/City/Zip as the address): left to right.
    private readonly int[][] _columns = [.. Enum.GetValues<ContactField>().Select(field => mapping
        .Where(m => m.Key >= 0 && m.Value == field && field != ContactField.Ignore)
        .Select(m => m.Key)
        .Order()
        .ToArray())];

    public bool TryRead(CsvDataRow row, [NotNullWhen(true)] out ContactDraft? contact, [NotNullWhen(false)] out string? reason)
    {
        contact = null;
        reason = row.Problem;
        if (reason is not null)
            return false;

        List<string> problems = [];
        var (firstName, lastName) = Names(row);
        if (firstName.Length == 0 && lastName.Length == 0)
            problems.Add("Missing name.");
        else if (firstName.Length > MaxName || lastName.Length > MaxName)
            problems.Add($"Name is longer than {MaxName} characters.");

        var rawPhone = First(row, ContactField.Phone);
        var phone = "";
        if (rawPhone is null)
            problems.Add("Missing phone number.");
        else if (!phones.TryNormalize(rawPhone, out phone, out var phoneError))
            problems.Add(phoneError);

        var email = First(row, ContactField.Email);
        if (email is not null && !IsPlausibleEmail(email))
            problems.Add($"\"{email}\" is not a valid email address.");

        var notes = Joined(row, ContactField.Notes, "\n");
        if (notes?.Length > MaxNotes)
            problems.Add($"Notes are longer than {MaxNotes} characters.");

        var tags = TagList.Parse(Values(row, ContactField.Tags));
        var longTag = tags.Find(t => t.Length > MaxTag);
        if (longTag is not null)
            problems.Add($"Tag \"{longTag}\" is longer than {MaxTag} characters.");

        var consent = Consent(row, problems);

        if (problems.Count > 0)
        {
            reason = string.Join(' ', problems);
            return false;
        }
        var address = Joined(row, ContactField.PropertyAddress, ", ");
        contact = new ContactDraft(row.Row, firstName, lastName, phone, email, address, tags, notes, consent);
        return true;
    }

    private ImportedConsent? Consent(CsvDataRow row, List<string> problems)
    {
        var value = First(row, ContactField.Consent);
        if (value is null) return null;
        ConsentStatus? status = value.ToLowerInvariant().Replace('_', '-').Replace(' ', '-') switch
        {
            "marketing" or "marketing-opt-in" => ConsentStatus.MarketingOptIn,
            "transactional" or "transactional-only" => ConsentStatus.TransactionalOnly,
            "opted-out" or "optedout" or "opt-out" or "optout" => ConsentStatus.OptedOut,
            _ => null,
        };
        if (status is null)
        {
            problems.Add($"Consent \"{value}\" is not marketing, transactional or opted-out.");
            return null;
        }
        DateTimeOffset? at = null;
        if (First(row, ContactField.ConsentDate) is { } date)
        {
            if (DateTimeOffset.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)) at = parsed;
            else problems.Add($"Consent date \"{date}\" is not a date.");
        }
        var source = First(row, ContactField.ConsentSource);
        return new ImportedConsent(status.Value, source is { Length: > 64 } long_ ? long_[..64] : source, at);
    }

    private (string First, string Last) Names(CsvDataRow row)
    {
        var first = First(row, ContactField.FirstName);
        var last = First(row, ContactField.LastName);
        if (first is not null || last is not null)
            return (first ?? "", last ?? "");

        var full = First(row, ContactField.FullName);
        if (full is null)
            return ("", "");
        var split = full.LastIndexOfAny(Blanks);
        return split < 0 ? (full, "") : (full[..split].Trim(), full[(split + 1)..]);
    }

    private static bool IsPlausibleEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    private string? First(CsvDataRow row, ContactField field)
    {
        foreach (var column in _columns[(int)field])
        {
            var value = Cell(row, column);
            if (value.Length > 0)
                return value;
        }
        return null;
    }

    private string? Joined(CsvDataRow row, ContactField field, string separator)
    {
        var values = Values(row, field);
        return values.Count == 0 ? null : string.Join(separator, values);
    }

    /// <summary>The non-empty cells of the columns mapped to <paramref name="field"/>.</summary>
    private List<string> Values(CsvDataRow row, ContactField field)
    {
        var values = new List<string>();
        foreach (var column in _columns[(int)field])
        {
            var value = Cell(row, column);
            if (value.Length > 0)
                values.Add(value);
        }
        return values;
    }

    private static string Cell(CsvDataRow row, int column) => Unguarded(row.Field(column).Trim());

    // Our own export (and other tools) put ' in front of text that a spreadsheet would run as a formula.
    private static string Unguarded(string value) =>
        value.Length > 1 && value[0] == '\'' && value.IndexOfAny(FormulaStarts, 1, 1) == 1 ? value[1..] : value;
}

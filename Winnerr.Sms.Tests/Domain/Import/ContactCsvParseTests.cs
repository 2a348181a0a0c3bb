using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Tests.Domain.Import;

public class ContactCsvParseTests
{
    [Theory]
    [InlineData("(312) 555-0100", "+13125550100")]
    [InlineData("312.555.0100", "+13125550100")]
    [InlineData("+1 312 555 0100", "+13125550100")]
    [InlineData("3125550100", "+13125550100")]
    [InlineData("1-312-555-0100", "+13125550100")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void WhenPhoneIsWrittenAnyCommonWay_ThenItIsNormalisedToE164(string typed, string e164)
    {
        var result = CsvFiles.Parse($"Name,Phone\nMary Lopez,\"{typed}\"\n");

        Assert.Equal(e164, Assert.Single(result.Contacts).Phone);
    }

    [Fact]
    public void WhenPhoneIsInvalid_ThenRowIsRefusedWithTheReason()
    {
        var result = CsvFiles.Parse("Name,Phone\nMary Lopez,3125550100\nBob Stone,12345\n");

        Assert.Equal(new RefusedRow(3, "\"12345\" is not a valid phone number."), Assert.Single(result.Refused));
        Assert.Single(result.Contacts);
    }

    [Fact]
    public void WhenNameOrPhoneOrEmailIsMissingOrBad_ThenEachRowIsRefusedWithItsSpreadsheetRowNumber()
    {
        var csv = """
            First name,Last name,Phone,Email
            Mary,Lopez,3125550100,mary@example.com
            ,,3125550101,
            Bob,Stone,,
            Ann,,3125550102,ann@nowhere
            Tom,Reyes,3125550103,not an email
            """;

        var result = CsvFiles.Parse(csv);

        Assert.Equal(2, Assert.Single(result.Contacts).Row);
        Assert.Equal(
        [
            new RefusedRow(3, "Missing name."),
            new RefusedRow(4, "Missing phone number."),
            new RefusedRow(5, "\"ann@nowhere\" is not a valid email address."),
            new RefusedRow(6, "\"not an email\" is not a valid email address."),
        ], result.Refused);
    }

    [Fact]
    public void WhenRowHasSeveralProblems_ThenTheReasonNamesThemAll()
    {
        var result = CsvFiles.Parse("Name,Phone,Email\n,,x@\n");

        Assert.Equal("Missing name. Missing phone number. \"x@\" is not a valid email address.", Assert.Single(result.Refused).Reason);
    }

    [Fact]
    public void WhenQuotedFieldHoldsLineBreaks_ThenLaterRowNumbersStillMatchTheSpreadsheet()
    {
        var csv = "Name,Phone,Notes\r\n"
            + "Mary Lopez,3125550100,\"line one\r\nline two\r\nline three\"\r\n"
            + "Bob Stone,12345,\r\n";

        var result = CsvFiles.Parse(csv);

        Assert.Equal("line one\r\nline two\r\nline three", Assert.Single(result.Contacts).Notes);
        Assert.Equal(3, Assert.Single(result.Refused).Row);
    }

    [Fact]
    public void WhenBlankLinesSitBetweenRows_ThenTheyAreSkippedButCountedAsSpreadsheetRows()
    {
        var result = CsvFiles.Parse("Name,Phone\n\nMary Lopez,3125550100\n ,\nBob Stone,12345\n");

        Assert.Equal(3, Assert.Single(result.Contacts).Row);
        Assert.Equal(5, Assert.Single(result.Refused).Row);
    }

    [Theory]
    [InlineData("Mary Ann Lopez", "Mary Ann", "Lopez")]
    [InlineData("  Bob   Stone ", "Bob", "Stone")]
    [InlineData("Cher", "Cher", "")]
    public void WhenOnlyAFullNameIsGiven_ThenItSplitsAtTheLastSpace(string fullName, string first, string last)
    {
        var contact = Assert.Single(CsvFiles.Parse($"Full name,Phone\n{fullName},3125550100\n").Contacts);

        Assert.Equal((first, last), (contact.FirstName, contact.LastName));
    }

    [Fact]
    public void WhenFirstAndLastNameColumnsAreFilled_ThenTheyWinOverTheFullName()
    {
        var csv = "Name,First name,Last name,Phone\nM. A. Lopez,Mary Ann,Lopez,3125550100\nBob Stone,,,3125550101\n";

        var contacts = CsvFiles.Parse(csv).Contacts;

        Assert.Equal(("Mary Ann", "Lopez"), (contacts[0].FirstName, contacts[0].LastName));
        Assert.Equal(("Bob", "Stone"), (contacts[1].FirstName, contacts[1].LastName));
    }

    [Fact]
    public void WhenTextHasSurroundingSpaces_ThenEveryFieldIsTrimmedAndEmptyOnesAreNull()
    {
        var csv = "First name,Last name,Phone,Email,Address,Tags,Notes\n  Mary , Lopez ,  3125550100 , mary@example.com ,  12 Elm St  ,  ,   \n";

        var contact = Assert.Single(CsvFiles.Parse(csv).Contacts);

        Assert.Equal(
            new ParsedContact(2, "Mary", "Lopez", "+13125550100", "mary@example.com", "12 Elm St", contact.Tags, null),
            contact);
        Assert.Empty(contact.Tags);
    }

    [Fact]
    public void WhenTagsUseCommasSemicolonsOrPipes_ThenTheyAreSplitTrimmedAndDeduplicated()
    {
        var contact = Assert.Single(CsvFiles.Parse("Name,Phone,Tags\nMary,3125550100,\"Buyer, hot; ;buyer | Cash \"\n").Contacts);

        Assert.Equal(["Buyer", "hot", "Cash"], contact.Tags);
    }

    [Fact]
    public void WhenATagIsLongerThan40Characters_ThenRowIsRefused()
    {
        var tag = new string('t', 41);

        var result = CsvFiles.Parse($"Name,Phone,Tags\nMary,3125550100,\"ok,{tag}\"\nBob,3125550101,{new string('t', 40)}\n");

        Assert.Equal(new RefusedRow(2, $"Tag \"{tag}\" is longer than 40 characters."), Assert.Single(result.Refused));
        Assert.Equal(3, Assert.Single(result.Contacts).Row);
    }

    [Fact]
    public void WhenNameIsLongerThan100Characters_ThenRowIsRefused()
    {
        var result = CsvFiles.Parse($"First name,Last name,Phone\n{new string('a', 100)},{new string('b', 101)},3125550100\n");

        Assert.Equal(new RefusedRow(2, "Name is longer than 100 characters."), Assert.Single(result.Refused));
    }

    [Fact]
    public void WhenNotesAreLongerThan2000Characters_ThenRowIsRefused()
    {
        var csv = $"Name,Phone,Notes\nMary,3125550100,{new string('n', 2000)}\nBob,3125550101,{new string('n', 2001)}\n";

        var result = CsvFiles.Parse(csv);

        Assert.Equal(2000, Assert.Single(result.Contacts).Notes!.Length);
        Assert.Equal(new RefusedRow(3, "Notes are longer than 2000 characters."), Assert.Single(result.Refused));
    }

    [Fact]
    public void WhenSamePhoneAppearsTwice_ThenTheLaterRowIsMergedIntoTheFirstWithTagsUnioned()
    {
        var csv = """
            First name,Last name,Phone,Email,Address,Tags,Notes
            Mary,,(312) 555-0100,,12 Elm St,buyer;hot,
            Bob,Stone,3125550101,,,,
            Maria,Lopez,+1 312 555 0100,mary@example.com,99 Oak Ave,HOT|cash,Prefers texts
            Mary,L,312.555.0100,other@example.com,,seller,
            """;

        var result = CsvFiles.Parse(csv);

        Assert.Equal(2, result.Contacts.Count);
        var mary = result.Contacts[0];
        Assert.Equal(
            new ParsedContact(2, "Mary", "Lopez", "+13125550100", "mary@example.com", "12 Elm St", mary.Tags, "Prefers texts"),
            mary);
        Assert.Equal(["buyer", "hot", "cash", "seller"], mary.Tags);
        Assert.Equal([(4, 2), (5, 2)], result.DuplicatesInFile);
        Assert.Empty(result.Refused);
    }

    [Fact]
    public void WhenFileMixesGoodBadAndDuplicateRows_ThenEveryDataRowIsCountedExactlyOnce()
    {
        var csv = "Name,Phone,Email,Notes\r\n"
            + "Mary Lopez,3125550100,,\r\n"
            + "\r\n"
            + "Bob Stone,12345,,\r\n"
            + "Ann Lee,3125550100,,\"two\r\nlines\"\r\n"
            + ",3125550102,,\r\n"
            + "Tom Reyes,,,\r\n"
            + "Eve Park,3125550103,bad@,\r\n"
            + "Sam Cho,+44 20 7946 0958,sam@example.co.uk,\r\n"
            + "\"Lopez, Mary\",(312) 555-0100,,\r\n";

        var result = CsvFiles.Parse(csv);

        int[] dataRows = [2, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(dataRows, CsvFiles.AllRows(result).Order());
        Assert.Equal([2, 9], result.Contacts.Select(c => c.Row));
        Assert.Equal([4, 6, 7, 8], result.Refused.Select(r => r.Row));
        Assert.Equal([(5, 2), (10, 2)], result.DuplicatesInFile);
    }

    [Fact]
    public void WhenSeveralColumnsMapToTheSameField_ThenPhoneTakesTheFirstFilledAndAddressIsJoined()
    {
        var mapping = new Dictionary<int, ContactField>
        {
            [0] = ContactField.FullName,
            [1] = ContactField.Phone,
            [2] = ContactField.Phone,
            [3] = ContactField.PropertyAddress,
            [4] = ContactField.PropertyAddress,
            [5] = ContactField.Ignore,
        };
        var file = CsvFiles.Utf8("Name,Phone,Mobile,Street,City,Score\nMary Lopez,,3125550100,12 Elm St,Chicago,9\n");

        var contact = Assert.Single(ContactCsv.Parse(file, mapping, new PhoneNumberNormalizer()).Contacts);

        Assert.Equal("+13125550100", contact.Phone);
        Assert.Equal("12 Elm St, Chicago", contact.PropertyAddress);
    }

    [Fact]
    public void WhenMappingHasNoPhoneColumn_ThenEveryRowIsRefusedForIt()
    {
        var file = CsvFiles.Utf8("Name,Phone\nMary,3125550100\n");

        var result = ContactCsv.Parse(file, new Dictionary<int, ContactField> { [0] = ContactField.FullName }, new PhoneNumberNormalizer());

        Assert.Equal(new RefusedRow(2, "Missing phone number."), Assert.Single(result.Refused));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n \r\n")]
    [InlineData("Name,Phone\r\n")]
    [InlineData("Name,Phone\r\n\r\n,\r\n")]
    public void WhenFileHasNoHeaderOrNoDataRows_ThenResultIsEmpty(string csv)
    {
        var result = CsvFiles.Parse(csv);

        Assert.Empty(result.Contacts);
        Assert.Empty(result.Refused);
        Assert.Empty(result.DuplicatesInFile);
    }

    [Fact]
    public void WhenFileIsBinary_ThenASingleRefusalSaysItIsNotACsvFile()
    {
        var result = ContactCsv.Parse(
            new MemoryStream(ContactCsvPreviewTests.BinaryFile()),
            new Dictionary<int, ContactField> { [0] = ContactField.Phone },
            new PhoneNumberNormalizer());

        var refusal = Assert.Single(result.Refused);
        Assert.Equal(1, refusal.Row);
        Assert.StartsWith("The file is not a CSV text file.", refusal.Reason);
        Assert.Empty(result.Contacts);
    }

    [Fact]
    public void WhenAQuoteIsNeverClosed_ThenThatRowIsRefusedSayingSoAndEarlierRowsAreKept()
    {
        var result = CsvFiles.Parse("Name,Phone\nMary Lopez,3125550100\n\"Bob Stone,3125550101\nAnn Lee,3125550102\n");

        Assert.Equal(2, Assert.Single(result.Contacts).Row);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(3, refusal.Row);
        Assert.Contains("never closed", refusal.Reason);
    }

    [Fact]
    public void WhenAQuoteIsNeverClosedInAHugeFile_ThenReadingStopsThereWithARefusal()
    {
        var rest = string.Concat(Enumerable.Repeat("Ann Lee,3125550102\n", 100_000));

        var result = CsvFiles.Parse($"Name,Phone\nMary Lopez,3125550100\n\"Bob Stone,3125550101\n{rest}");

        Assert.Equal(2, Assert.Single(result.Contacts).Row);
        var refusal = Assert.Single(result.Refused);
        Assert.Equal(3, refusal.Row);
        Assert.Contains("too long", refusal.Reason);
    }
}

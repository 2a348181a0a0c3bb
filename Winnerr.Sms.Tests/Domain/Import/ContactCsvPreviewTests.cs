using System.Text;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Tests.Domain.Import;

public class ContactCsvPreviewTests
{
    [Theory]
    [InlineData("First Name", ContactField.FirstName)]
    [InlineData("first", ContactField.FirstName)]
    [InlineData("FIRSTNAME", ContactField.FirstName)]
    [InlineData("Given name", ContactField.FirstName)]
    [InlineData("first_name", ContactField.FirstName)]
    [InlineData("Last Name", ContactField.LastName)]
    [InlineData("Surname", ContactField.LastName)]
    [InlineData("lastname", ContactField.LastName)]
    [InlineData("Name", ContactField.FullName)]
    [InlineData("Full Name", ContactField.FullName)]
    [InlineData("Contact", ContactField.FullName)]
    [InlineData("Phone", ContactField.Phone)]
    [InlineData("Mobile", ContactField.Phone)]
    [InlineData("Cell", ContactField.Phone)]
    [InlineData("Phone Number", ContactField.Phone)]
    [InlineData("  mobile   phone ", ContactField.Phone)]
    [InlineData("Phone 1", ContactField.Phone)]
    [InlineData("Mobile Phone", ContactField.Phone)]
    [InlineData("Cell Phone", ContactField.Phone)]
    [InlineData("Email 1", ContactField.Email)]
    [InlineData("Street Address", ContactField.PropertyAddress)]
    [InlineData("Last", ContactField.LastName)]
    [InlineData("Email", ContactField.Email)]
    [InlineData("E-mail", ContactField.Email)]
    [InlineData("Address", ContactField.PropertyAddress)]
    [InlineData("Property", ContactField.PropertyAddress)]
    [InlineData("Property Address", ContactField.PropertyAddress)]
    [InlineData("Tags", ContactField.Tags)]
    [InlineData("Tag", ContactField.Tags)]
    [InlineData("Labels", ContactField.Tags)]
    [InlineData("Notes", ContactField.Notes)]
    [InlineData("Note", ContactField.Notes)]
    [InlineData("Comments", ContactField.Notes)]
    [InlineData("Lead score", ContactField.Ignore)]
    [InlineData("", ContactField.Ignore)]
    public void WhenHeaderHasAKnownName_ThenItsFieldIsSuggested(string header, ContactField expected)
    {
        var preview = CsvFiles.Preview($"Id,{header}\n1,x\n");

        Assert.Equal(ContactField.Ignore, preview.SuggestedMapping[0]);
        Assert.Equal(expected, preview.SuggestedMapping[1]);
    }

    [Fact]
    public void WhenFileHasManyRows_ThenTheFirstFiveAreSampledAsWideAsTheHeader()
    {
        var csv = "Name,Phone,Notes\n" + string.Join("\n", Enumerable.Range(1, 8).Select(i => $"Person {i},312555010{i}"));

        var preview = CsvFiles.Preview(csv);

        Assert.Equal(["Name", "Phone", "Notes"], preview.Headers);
        Assert.Equal(5, preview.SampleRows.Count);
        Assert.Equal(["Person 1", "3125550101", ""], preview.SampleRows[0]);
        Assert.Equal("Person 5", preview.SampleRows[4][0]);
    }

    [Fact]
    public void WhenFieldsAreQuoted_ThenCommasNewlinesAndQuotesStayInTheValue()
    {
        var preview = CsvFiles.Preview("Name,Notes\r\n\"Lopez, Mary\",\"said \"\"call me\"\"\nafter 5\"\r\n");

        Assert.Equal(["Lopez, Mary", "said \"call me\"\nafter 5"], preview.SampleRows.Single());
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    public void WhenFileUsesSemicolonsOrTabs_ThenTheSeparatorIsDetectedDespiteCommasInValues(string separator)
    {
        var csv = string.Join(separator, "Name", "Phone", "Tags") + "\n"
            + string.Join(separator, "Mary Lopez", "(312) 555-0100", "a,b|c") + "\n";

        var preview = CsvFiles.Preview(csv);

        Assert.Equal(["Name", "Phone", "Tags"], preview.Headers);
        Assert.Equal(["Mary Lopez", "(312) 555-0100", "a,b|c"], preview.SampleRows.Single());
    }

    [Fact]
    public void WhenFileStartsWithAByteOrderMark_ThenTheFirstHeaderIsClean()
    {
        var preview = ContactCsv.Preview(CsvFiles.Utf8("First name,Phone\nJosé,3125550100\n", byteOrderMark: true));

        Assert.Equal("First name", preview.Headers[0]);
        Assert.Equal(ContactField.FirstName, preview.SuggestedMapping[0]);
        Assert.Equal("José", preview.SampleRows.Single()[0]);
    }

    [Fact]
    public void WhenExcelSavedTheFileInTheWindowsCodePage_ThenAccentsSurvive()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var preview = ContactCsv.Preview(new MemoryStream(windows1252.GetBytes("Name,Phone\nJosé Núñez,3125550100\n")));

        Assert.Equal("José Núñez", preview.SampleRows.Single()[0]);
    }

    [Fact]
    public void WhenBlankLinesSurroundTheHeader_ThenTheyAreSkipped()
    {
        var preview = CsvFiles.Preview("\r\n\r\nName,Phone\r\n\r\n,\r\nMary,3125550100\r\n\r\n");

        Assert.Equal(["Name", "Phone"], preview.Headers);
        Assert.Equal(["Mary", "3125550100"], preview.SampleRows.Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void WhenFileIsEmpty_ThenPreviewIsEmpty(string csv)
    {
        var preview = CsvFiles.Preview(csv);

        Assert.Empty(preview.Headers);
        Assert.Empty(preview.SampleRows);
        Assert.Empty(preview.SuggestedMapping);
    }

    [Fact]
    public void WhenFileIsBinary_ThenPreviewIsEmpty()
    {
        var preview = ContactCsv.Preview(new MemoryStream(BinaryFile()));

        Assert.Empty(preview.Headers);
        Assert.Empty(preview.SampleRows);
    }

    internal static byte[] BinaryFile()
    {
        // The start of an .xlsx (a zip archive), then noise.
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
        zip.CopyTo(bytes, 0);
        return bytes;
    }
}

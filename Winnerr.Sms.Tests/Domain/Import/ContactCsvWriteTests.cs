using System.Text;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.Tests.Domain.Import;

public class ContactCsvWriteTests
{
    private static byte[] Export(params ContactExportRow[] rows)
    {
        var output = new MemoryStream();
        ContactCsv.Write(rows, output);
        return output.ToArray();
    }

    private static string[] Lines(byte[] file) =>
        Encoding.UTF8.GetString(file.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void WhenExporting_ThenFileIsUtf8WithByteOrderMarkAndTheDocumentedHeader()
    {
        var file = Export();

        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]);
        Assert.Equal(["First name,Last name,Phone,Email,Property address,Tags,Notes,Consent"], Lines(file));
    }

    [Fact]
    public void WhenValuesHoldCommasQuotesOrLineBreaks_ThenTheyAreQuoted()
    {
        var file = Export(new ContactExportRow("Mary", "Lopez", "+13125550100", null, "12 Elm St, Apt 4", ["buyer", "hot"],
            "said \"yes\"\nthen no", "marketing"));

        Assert.Equal(
            "Mary,Lopez,+13125550100,,\"12 Elm St, Apt 4\",buyer; hot,\"said \"\"yes\"\"\nthen no\",marketing",
            Encoding.UTF8.GetString(file.AsSpan(3)).Split("\r\n")[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("+1 312 555 0100", "'+1 312 555 0100")]
    [InlineData("+1234567", "'+1234567")]
    [InlineData("+13125550100", "+13125550100")]
    [InlineData("+442079460958", "+442079460958")]
    [InlineData("Plain text", "Plain text")]
    public void WhenACellStartsLikeAFormula_ThenItGetsALeadingApostropheUnlessItIsAnE164Phone(string value, string written)
    {
        var file = Export(new ContactExportRow(value, "Lopez", value, null, null, [], value, "transactional"));

        var cells = ContactCsv.Preview(new MemoryStream(file)).SampleRows.Single();
        Assert.Equal(written, cells[0]);
        Assert.Equal(written, cells[2]);
        Assert.Equal(written, cells[6]);
    }

    [Fact]
    public void WhenExportIsImportedAgain_ThenTheSameContactsComeBack()
    {
        ContactExportRow[] rows =
        [
            new("Mary Ann", "Lopez", "+13125550100", "mary@example.com", "12 Elm St, Apt 4, Chicago", ["buyer", "hot lead"],
                "Prefers \"texts\"\nafter 5pm", "marketing"),
            new("José", "Núñez", "+442079460958", null, null, [], null, "transactional"),
            new("-Dash", "=Equals", "+13125550101", null, "@home", ["-1"], "+call back", "Opted out"),
        ];

        var file = new MemoryStream(Export(rows));
        var result = CsvFiles.Parse(file);

        Assert.Empty(result.Refused);
        Assert.Empty(result.DuplicatesInFile);
        Assert.Equal(
            rows.Select(r => (r.FirstName, r.LastName, r.Phone, r.Email, r.PropertyAddress, string.Join("|", r.Tags), r.Notes)),
            result.Contacts.Select(c => (c.FirstName, c.LastName, c.Phone, c.Email, c.PropertyAddress, string.Join("|", c.Tags), c.Notes)));
        Assert.Equal([2, 3, 4], result.Contacts.Select(c => c.Row));
    }

    [Fact]
    public void WhenExporting_ThenTheOutputStreamIsLeftOpen()
    {
        var output = new MemoryStream();

        ContactCsv.Write([], output);

        Assert.True(output.CanWrite);
    }
}

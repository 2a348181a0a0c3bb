using System.Text;

namespace Winnerr.Sms.Tests.Domain.Import;

/// <summary>A file the size of a brokerage's export parses completely. Its speed is measured by bench/run.sh, not here.</summary>
public class ContactCsvLargeFileTests
{
    [Fact]
    public void WhenFileHas50000Rows_ThenEveryRowIsParsed()
    {
        var result = CsvFiles.Parse(File(50_000));

        Assert.Equal(50_000, result.Contacts.Count);
        Assert.Empty(result.Refused);
        Assert.Equal("+13125550000", result.Contacts[0].Phone);
        Assert.Equal("+12125559999", result.Contacts[^1].Phone);
    }

    private static byte[] File(int rows)
    {
        string[] areaCodes = ["312", "773", "415", "646", "212"];
        var csv = new StringBuilder("First name,Last name,Phone,Email,Tags,Notes\n");
        for (var i = 0; i < rows; i++)
            csv.Append($"Person{i},Lopez,({areaCodes[i / 10_000]}) 555-{i % 10_000:D4},p{i}@example.com,buyer;hot,\"Called, no answer\"\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}

using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Winnerr.Sms.Tests.Domain.Import;

// Alone, so that other tests running in parallel do not eat into the time being measured.
[CollectionDefinition(nameof(ContactCsvSpeedTests), DisableParallelization = true)]
public class ContactCsvSpeedCollection;

[Collection(nameof(ContactCsvSpeedTests))]
public class ContactCsvSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void WhenFileHas50000Rows_ThenItParsesWellUnderTwoSeconds()
    {
        CsvFiles.Parse(File(5_000));
        var file = File(50_000);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        var result = CsvFiles.Parse(file);
        timer.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        output.WriteLine($"{cpu.TotalMilliseconds:F0} ms of processor time, {timer.ElapsedMilliseconds} ms on the clock");
        Assert.Equal(50_000, result.Contacts.Count);
        // Processor time, not the clock: on a busy two-core build machine other processes stretch the clock time.
        Assert.True(cpu < TimeSpan.FromSeconds(2), $"took {cpu.TotalMilliseconds:F0} ms of processor time ({timer.ElapsedMilliseconds} ms on the clock)");
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

using System.Diagnostics;
using System.Globalization;

namespace Winnerr.Sms.Bench;

/// <summary>
/// The server's managed heap: dotnet-gcdump (a full, blocking GC, then the live objects' bytes), dotnet-counters right
/// after it (dotnet.gc.last_collection.heap.size, all generations: the heap that GC left), and the process's RSS.
/// Without the tools (their folder not given or not there) only RSS is read.
/// </summary>
internal sealed class CircuitMemory(int pid, string? tools)
{
    private static long RssKb(int pid) => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    public sealed record Reading(string Label, long? LiveBytes, long? HeapBytes, long RssKb);

    private string? Tool(string name) => tools is { Length: > 0 } && File.Exists(Path.Combine(tools, name)) ? Path.Combine(tools, name) : null;

    public async Task<Reading> MeasureAsync(string label)
    {
        long? live = null, heap = null;
        if (Tool("dotnet-gcdump") is { } gcdump)
        {
            var file = Path.Combine(Path.GetTempPath(), $"winnerr-bench-{Environment.ProcessId}-{label.Replace(' ', '-')}.gcdump");
            try
            {
                await RunAsync(gcdump, $"collect -p {pid} -o {file}");
                var report = await RunAsync(gcdump, $"report {file}");
                var line = report.Split('\n').FirstOrDefault(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
                if (line is not null) live = long.Parse(line.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
            finally
            {
                // WINNERR_BENCH_GCDUMP_DIR keeps the dumps, to diff by type (dotnet-gcdump report).
                if (Environment.GetEnvironmentVariable("WINNERR_BENCH_GCDUMP_DIR") is { Length: > 0 } keep && File.Exists(file))
                    File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
                File.Delete(file);
            }
        }
        if (Tool("dotnet-counters") is { } counters)
        {
            var csv = Path.Combine(Path.GetTempPath(), $"winnerr-bench-{Environment.ProcessId}-counters.csv");
            try
            {
                await RunAsync(counters, $"collect -p {pid} --counters System.Runtime --duration 00:00:03 --refresh-interval 1 --format csv -o {csv}");
                // The last reading of each generation's size after the last GC.
                var sizes = new Dictionary<string, long>();
                foreach (var row in File.ReadLines(csv).Skip(1).Select(l => l.Split(',')))
                    if (row.Length >= 5 && row[2].StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal))
                        sizes[row[2]] = (long)double.Parse(row[4], CultureInfo.InvariantCulture);
                if (sizes.Count > 0) heap = sizes.Values.Sum();
            }
            finally { File.Delete(csv); }
        }
        var reading = new Reading(label, live, heap, RssKb(pid));
        Console.WriteLine($"memory, {label}: GC heap live {Kb(reading.LiveBytes)} (dotnet-gcdump), heap after that GC {Kb(reading.HeapBytes)} (dotnet-counters),"
            + $" RSS {reading.RssKb:N0} KB; {Stats.Load()}");
        return reading;
    }

    public void PerPage(Reading from, Reading to, int pages)
    {
        string Per(long? a, long? b) => a is { } x && b is { } y ? $"{(y - x) / 1024.0 / pages:F0} KB" : "n/a";
        Console.WriteLine($"  → per page, {from.Label} → {to.Label}: GC heap live {Per(from.LiveBytes, to.LiveBytes)},"
            + $" heap after GC {Per(from.HeapBytes, to.HeapBytes)}, RSS {(to.RssKb - from.RssKb) / (double)pages:F0} KB");
    }

    private static string Kb(long? bytes) => bytes is { } b ? $"{b / 1024:N0} KB" : "n/a";

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{file} {arguments} took over 90 s"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {await errors}");
        return await output;
    }
}

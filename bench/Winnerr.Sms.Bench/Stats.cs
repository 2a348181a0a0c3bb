namespace Winnerr.Sms.Bench;

public static class Stats
{
    public static string Describe(List<double> ms)
    {
        if (ms.Count == 0) return "no samples";
        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p / 100 * ms.Count) - 1)];
        return $"n={ms.Count} p50={P(50):F1} ms p90={P(90):F1} ms p95={P(95):F1} ms p99={P(99):F1} ms max={ms[^1]:F1} ms";
    }

    /// <summary>A Twilio inbound-text form; <paramref name="to"/> is the agent number texted (the demo agent's by default).</summary>
    public static Dictionary<string, string> InboundForm(string from, string body, string to = "+15005550006") => new()
    {
        ["AccountSid"] = "ACbench0000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["SmsStatus"] = "received",
        ["From"] = from, ["To"] = to, ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1",
    };

    /// <summary>This machine's wall clock in Unix milliseconds (sub-millisecond), comparable with the page's Date.now().</summary>
    public static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>"load 1.23 0.98 0.77": the 1/5/15-minute load averages, printed with every figure (the machine is shared).</summary>
    public static string Load() => "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

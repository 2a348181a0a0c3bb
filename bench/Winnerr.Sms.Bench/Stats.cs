namespace Winnerr.Sms.Bench;

public static class Stats
{
    public static string Describe(List<double> ms)
    {
        if (ms.Count == 0) return "no samples";
        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p / 100 * ms.Count) - 1)];
        return $"n={ms.Count} p50={P(50):F1} ms p90={P(90):F1} ms p99={P(99):F1} ms max={ms[^1]:F1} ms";
    }

    public static readonly Func<string, string, Dictionary<string, string>> InboundForm = (from, body) => new()
    {
        ["AccountSid"] = "ACbench0000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["SmsStatus"] = "received",
        ["From"] = from, ["To"] = "+15005550006", ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1",
    };
}

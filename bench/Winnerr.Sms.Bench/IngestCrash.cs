using System.Diagnostics;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>
/// An acknowledged webhook survives a crash, and Twilio's retries after it store nothing twice. "crash"
/// posts COUNT distinct signed inbound webhooks (32 in flight) and SIGKILLs the app once KILLAT were
/// answered 200, writing the acknowledged SIDs to a file; bench/run.sh restarts the app on the same
/// database; "replay" counts what survived, posts all COUNT again (same SIDs, same signatures) and
/// counts the stored rows.
/// </summary>
public static class IngestCrash
{
    private const int Workers = 32;

    private static string Sid(int i) => $"SMc0ffee{i:D26}";

    private static Dictionary<string, string> Form(int i) => new()
    {
        ["AccountSid"] = "ACbench0000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        ["MessageSid"] = Sid(i), ["SmsStatus"] = "received",
        ["From"] = $"+1773{5550000 + i:D7}", ["To"] = OutboxBench.Sender, ["Body"] = $"Crash probe {i}: still interested in the Elm St listing",
        ["NumMedia"] = "0", ["NumSegments"] = "1",
    };

    private static HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(10) };

    private static HttpRequestMessage Request(string url, string token, int i)
    {
        var form = Form(i);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, form));
        return request;
    }

    public static async Task<int> CrashAsync(Uri baseUrl, string token, int count, int killAt, int pid, string ackFile)
    {
        var url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();
        using var client = Client();
        var app = Process.GetProcessById(pid);
        var acked = new List<string>();
        int next = -1, ackCount = 0, refused = 0, broken = 0, killed = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = default;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            int i;
            while (Volatile.Read(ref killed) == 0 && (i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    using var request = Request(url, token, i);
                    using var response = await client.SendAsync(request);
                    if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref refused); continue; }
                    lock (acked) acked.Add(Sid(i));
                    if (Interlocked.Increment(ref ackCount) == killAt && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        app.Kill(); // SIGKILL on Linux: no shutdown, no flush
                        killedAt = clock.Elapsed;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref broken); // in flight when the process died
                }
            }
        }));
        if (!app.WaitForExit(10_000)) throw new InvalidOperationException($"process {pid} still running after SIGKILL");
        await File.WriteAllLinesAsync(ackFile, acked);
        var sent = acked.Count + broken + refused;
        Console.WriteLine($"kill -9 after {killAt:N0} acknowledgements ({killedAt.TotalSeconds:F2} s in): {acked.Count:N0} webhooks acknowledged 200 before the process was gone, "
            + $"{broken:N0} cut off in flight, {refused:N0} refused, {count - sent:N0} not sent");
        return refused == 0 ? 0 : 1;
    }

    public static async Task<int> ReplayAsync(Uri baseUrl, string token, int count, string dbPath, string ackFile)
    {
        var acked = (await File.ReadAllLinesAsync(ackFile)).Where(l => l.Length > 0).ToHashSet();
        var all = Enumerable.Range(0, count).Select(Sid).ToHashSet();
        await using var connection = await OutboxBench.OpenAsync(dbPath);

        var survived = StoredSids(connection);
        var lost = acked.Count(s => !survived.ContainsKey(s));
        Console.WriteLine($"after restart, before replay: {survived.Count:N0} of the {count:N0} SIDs stored; acknowledged but missing (lost): {lost}; "
            + $"stored though not acknowledged: {survived.Keys.Count(s => !acked.Contains(s)):N0}");

        var url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();
        using var client = Client();
        int next = -1, ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    using var request = Request(url, token, i);
                    using var response = await client.SendAsync(request);
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var stored = StoredSids(connection);
        var rows = stored.Values.Sum();
        var duplicates = stored.Values.Sum(n => n - 1);
        var lostAfter = acked.Count(s => !stored.ContainsKey(s));
        var missing = all.Count(s => !stored.ContainsKey(s));
        Console.WriteLine($"replayed all {count:N0} (same SIDs) in {clock.Elapsed.TotalSeconds:F2} s: {ok:N0} answered 200, {failed:N0} not");
        Console.WriteLine($"after replay: {rows:N0} Messages rows with these SIDs ({stored.Count:N0} distinct); duplicates: {duplicates}; "
            + $"acknowledged-before-kill lost: {lostAfter}; SIDs never stored: {missing}");
        return lost == 0 && lostAfter == 0 && duplicates == 0 && rows == count && failed == 0 ? 0 : 1;
    }

    /// <summary>SID → number of Messages rows carrying it (the column is unique, so 1, but counted, not assumed).</summary>
    private static Dictionary<string, int> StoredSids(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var stored = new Dictionary<string, int>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sid, COUNT(*) FROM Messages WHERE Sid LIKE 'SMc0ffee%' GROUP BY Sid";
        using var reader = command.ExecuteReader();
        while (reader.Read()) stored[reader.GetString(0)] = reader.GetInt32(1);
        return stored;
    }
}

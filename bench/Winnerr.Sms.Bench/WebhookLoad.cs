using System.Diagnostics;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Signed inbound webhooks: first as fast as the server takes them (closed loop, 64 in flight), then at a
/// fixed 500/s (open loop) to read latency percentiles at that rate.
/// </summary>
public static class WebhookLoad
{
    public static async Task<int> RunAsync(Uri baseUrl, string token, string path)
    {
        var url = new Uri(baseUrl, path).ToString();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // 2,000 distinct senders so the inbox grows like a bulk send's replies, not one thread.
        HttpRequestMessage Next(int i)
        {
            var form = Stats.InboundForm($"+1312{5550000 + i % 2000:D7}", $"Reply {i}: yes, Saturday works 👍");
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, url, form));
            return request;
        }

        async Task<double> SendAsync(int i)
        {
            using var request = Next(i);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        for (var i = 0; i < 500; i++) await SendAsync(1_000_000 + i); // warm-up

        // Closed loop: 64 workers, 20,000 requests.
        const int total = 20_000, workers = 64;
        var next = -1;
        var closed = new List<double>(total);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < total) mine.Add(await SendAsync(i));
            lock (closed) closed.AddRange(mine);
        }));
        wall.Stop();
        Console.WriteLine($"{path} max throughput: {total / wall.Elapsed.TotalSeconds:F0} req/s ({total} requests, {workers} in flight, {wall.Elapsed.TotalSeconds:F1} s); latency {Stats.Describe(closed)}");

        // Open loop: 500/s for 10 s, requests started on schedule whether or not earlier ones finished.
        const int rate = 500, seconds = 10;
        var open = new List<double>(rate * seconds);
        var tasks = new List<Task>(rate * seconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = 2_000_000 + i;
            tasks.Add(Task.Run(async () => { var ms = await SendAsync(n); lock (open) open.Add(ms); }));
        }
        await Task.WhenAll(tasks);
        Console.WriteLine($"{path} at {rate}/s for {seconds} s: latency {Stats.Describe(open)}");
        return 0;
    }
}

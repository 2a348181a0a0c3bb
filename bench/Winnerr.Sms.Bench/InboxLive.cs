using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Issue 9, measured from outside the app: the server's CPU time (utime + stime of its process, /proc/PID/stat)
/// for live inbox updates with and without open pages and for idle pages, its GC heap per idle inbox circuit,
/// and webhook answered → thread on top in each of 20 pages of one agent. The agents are made by bench/run.sh
/// with the app's <c>agents add</c> command (<see cref="Email"/>, <see cref="Number"/>, <see cref="Password"/>).
/// Every phase is bounded in count and time; the machine's load average is printed with each figure.
/// </summary>
public static class InboxLive
{
    public static string Email(int agent) => $"agent{agent}@bench.test";
    public static string Number(int agent) => $"+1500555{100 + agent:D4}";
    public const string Password = "winnerr-bench-2026";

    /// <summary>Each agent's texts come from this many contacts, so steady load moves existing threads to the top.</summary>
    private const int SendersPerAgent = 50;
    private static string SenderPhone(int k) => $"+1646{5550000 + k:D7}";

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
    private static readonly double MsPerTick = 1000.0 / SysConf(2); // _SC_CLK_TCK

    /// <summary>The process's CPU time so far, all threads, user + system (/proc/PID/stat fields 14 and 15), in ms.</summary>
    private static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MsPerTick;
    }

    private const int ExtraMemoryPagesPerAgent = 2;

    /// <summary>
    /// The wait before each heap reading. The shared array pools keep what was rented while pages opened (render,
    /// JSON and socket buffers, ~1 MB) until a gen-2 collection finds them unused for 60 s; read sooner, they count
    /// as if the pages held them, up to ~30 KB per page over the 10 → 40 slope, and differently in every run.
    /// </summary>
    private static readonly TimeSpan MemorySettle = TimeSpan.FromSeconds(65);

    public static async Task<int> RunAsync(Uri baseUrl, string token, int pid, int agents, int pagesPerAgent, double rate, int seconds, int idleSeconds,
        int probes, string? tools)
    {
        var comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
        if (comm != "dotnet") throw new InvalidOperationException($"process {pid} is '{comm}', not the app's dotnet process");
        using var sender = new Webhooks(baseUrl, token);
        var rng = new Random(9);
        var pages = agents * pagesPerAgent;

        // 0. Every agent's threads exist before anything is measured, so both loads below only move threads to the top;
        // twice over, and a pause, so the webhook path is compiled (tiered JIT) before its cost is read.
        var warm = 0;
        for (var round = 0; round < 2; round++)
            for (var a = 1; a <= agents; a++)
                for (var k = 0; k < SendersPerAgent; k++)
                    await sender.SendAsync(SenderPhone(k), Number(a), $"Hello from {k} (warm-up {warm++})");
        Console.WriteLine($"warm-up: {warm} webhooks, {agents} agents × {SendersPerAgent} threads; {Stats.Load()}");
        await Task.Delay(TimeSpan.FromSeconds(10));

        // 1. No pages open.
        var idle0 = await IdleAsync(pid, idleSeconds);
        Console.WriteLine($"idle, 0 pages: server CPU {idle0:F2} ms/s over {idleSeconds} s; {Stats.Load()}");
        // Twice, keeping the cheaper: the per-page figure below subtracts this, and a run that also paid for something
        // that is not per text (a tier-1 compile, a gen2 collection) made it swing from 4 to 9 ms per text.
        var (n0, cpu0, wall0) = (0, double.MaxValue, 0.0);
        for (var round = 1; round <= 2; round++)
        {
            var (n, cpu, wall, _) = await SteadyAsync(sender, pid, rng, agents, rate, seconds, "No pages");
            Console.WriteLine($"{rate}/s signed webhooks for {seconds} s to {agents} agents, 0 pages open (run {round} of 2): {n} texts, server CPU {cpu:F0} ms in {wall:F1} s"
                + $" = {cpu / n:F2} ms per text ({(cpu - idle0 * wall) / n:F2} ms net of idle); {Stats.Load()}");
            if (cpu / n < cpu0 / Math.Max(1, n0)) (n0, cpu0, wall0) = (n, cpu, wall);
        }
        var net0 = (cpu0 - idle0 * wall0) / n0;

        var memory = new CircuitMemory(pid, tools);
        await Task.Delay(MemorySettle);
        var heap0 = await memory.MeasureAsync("0 pages");

        // 2. pagesPerAgent inbox pages per agent, each agent in a browser context of their own.
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var contexts = new List<(int Agent, IBrowserContext Context, List<IPage> Pages)>();
            for (var a = 1; a <= agents; a++)
            {
                var context = await browser.NewContextAsync();
                var page = await context.NewPageAsync();
                await Browser.SignInAsync(page, baseUrl, Email(a), Password); // lands on the inbox: the agent's first page
                await page.GetByTestId("thread-item").First.WaitForAsync();
                contexts.Add((a, context, [page]));
            }
            await Task.Delay(MemorySettle);
            var heapOne = await memory.MeasureAsync($"{agents} pages");
            for (var p = 1; p < pagesPerAgent; p++)
                foreach (var (_, context, open) in contexts) open.Add(await OpenInboxAsync(context, baseUrl));
            await Task.Delay(MemorySettle);
            var heapAll = await memory.MeasureAsync($"{pages} pages");
            memory.PerPage(heap0, heapAll, pages);
            memory.PerPage(heapOne, heapAll, pages - agents);

            // Pooled buffers and caches move the heap by ±1 MB between readings, ±100 KB per page over 10 pages: the
            // slope over more pages says more. Extra pages for this reading only, closed before the CPU is measured.
            var extra = new List<IPage>();
            for (var p = 0; p < ExtraMemoryPagesPerAgent; p++)
                foreach (var (_, context, _) in contexts) extra.Add(await OpenInboxAsync(context, baseUrl));
            await Task.Delay(MemorySettle);
            var heapMore = await memory.MeasureAsync($"{pages + extra.Count} pages");
            memory.PerPage(heapOne, heapMore, pages + extra.Count - agents);
            // Closing them takes away what those circuits held and nothing the process grew while they opened (the
            // socket transport's block pool, shared caches): the difference is theirs alone.
            foreach (var page in extra) await page.CloseAsync();
            await Task.Delay(MemorySettle);
            var heapClosed = await memory.MeasureAsync($"{pages} pages again, {extra.Count} closed");
            memory.PerPage(heapClosed, heapMore, extra.Count);

            // The pages' update path compiled too (not measured), then a pause.
            await SteadyAsync(sender, pid, rng, agents, rate, 5, "Warm-up");
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idleN = await IdleAsync(pid, idleSeconds);
            Console.WriteLine($"idle, {pages} inbox pages open, no traffic: server CPU {idleN:F2} ms/s over {idleSeconds} s"
                + $" = {(idleN - idle0) / pages:F3} ms/s per page over the 0-page idle; {Stats.Load()}");

            var (nN, cpuN, wallN, last) = await SteadyAsync(sender, pid, rng, agents, rate, seconds, "Pages open");
            var updates = nN * pagesPerAgent;
            Console.WriteLine($"{rate}/s signed webhooks for {seconds} s to {agents} agents, {pagesPerAgent} pages each open: {nN} texts, {updates} page updates,"
                + $" server CPU {cpuN:F0} ms in {wallN:F1} s = {cpuN / nN:F2} ms per text; {Stats.Load()}");
            // The idle rate with pages open again, after the load; the two readings' mean is subtracted below.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var idleAfter = await IdleAsync(pid, idleSeconds);
            Console.WriteLine($"idle again after the load, {pages} pages: server CPU {idleAfter:F2} ms/s over {idleSeconds} s; {Stats.Load()}");
            var perPage = (cpuN - (idleN + idleAfter) / 2 * wallN - net0 * nN) / updates;
            Console.WriteLine($"  → per updated page: {perPage:F2} ms server CPU (CPU − mean idle with pages × time − texts × their 0-page net cost, ÷ page updates);"
                + $" raw: {(cpuN / nN - cpu0 / n0) / pagesPerAgent:F2} ms (per-text CPU with pages − without, ÷ {pagesPerAgent} pages)");

            // Every live page shows what a fresh load of its agent's inbox shows (else the figures above would count updates that never
            // happened); for information, how many have the agent's last-sent text on top (two texts to one agent can commit in either order).
            await Task.Delay(TimeSpan.FromSeconds(2));
            const string TopRows = "() => [...document.querySelectorAll('[data-testid=thread-item]')].slice(0, 10).map(e => e.dataset.phone + ' ' + e.querySelector('[data-testid=thread-preview]')?.textContent).join('|')";
            int stale = 0, lastOnTop = 0;
            foreach (var (agent, context, open) in contexts)
            {
                var fresh = await context.NewPageAsync();
                await fresh.GotoAsync(new Uri(baseUrl, "/phone/sms").ToString());
                await fresh.GetByTestId("thread-item").First.WaitForAsync();
                var truth = await fresh.EvaluateAsync<string>(TopRows);
                await fresh.CloseAsync();
                foreach (var page in open)
                {
                    var rows = await page.EvaluateAsync<string>(TopRows);
                    if (rows != truth) stale++;
                    if (rows.Split('|')[0].EndsWith(" " + last[agent], StringComparison.Ordinal)) lastOnTop++;
                }
            }
            Console.WriteLine($"  check: {pages - stale} of {pages} live pages show the same top 10 threads as a fresh load; {lastOnTop} have their agent's last-sent text on top");

            // 3. One agent, 20 pages: webhook answered → the new thread on top of each page.
            foreach (var (_, context, _) in contexts.Skip(1)) await context.CloseAsync();
            var (_, first, mine) = contexts[0];
            while (mine.Count < 20) mine.Add(await OpenInboxAsync(first, baseUrl));
            await Task.Delay(TimeSpan.FromSeconds(3));
            await LatencyAsync(sender, mine, Number(1), probes);
            return stale == 0 ? 0 : 1;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task<IPage> OpenInboxAsync(IBrowserContext context, Uri baseUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseUrl, "/phone/sms").ToString());
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Server CPU ms per second with nothing sent.</summary>
    private static async Task<double> IdleAsync(int pid, int seconds)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuMs(pid);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (CpuMs(pid) - before) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Open loop: texts sent on schedule at <paramref name="rate"/>/s to random agents from their 50 contacts. The CPU window
    /// runs from the first send until every answer is in plus 1 s for the pages' renders. Returns the last body each agent got.
    /// </summary>
    private static async Task<(int Count, double CpuMs, double Seconds, Dictionary<int, string> Last)> SteadyAsync(
        Webhooks sender, int pid, Random rng, int agents, double rate, int seconds, string label)
    {
        var total = (int)(rate * seconds);
        var last = new Dictionary<int, string>();
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var before = CpuMs(pid);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var agent = rng.Next(1, agents + 1);
            var body = $"{label}: text {i} for agent {agent}";
            last[agent] = body;
            tasks.Add(sender.SendAsync(SenderPhone(rng.Next(SendersPerAgent)), Number(agent), body));
        }
        await Task.WhenAll(tasks);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (total, CpuMs(pid) - before, clock.Elapsed.TotalSeconds, last);
    }

    private const string Watch = """
        phone => { window.__seen = new Promise(resolve => {
            const check = () => { const el = document.querySelector('[data-testid=thread-item]');
                if (el && el.dataset.phone === phone) { resolve(Date.now()); return true; } return false; };
            if (check()) return;
            const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
            mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => { mo.disconnect(); resolve(-1); }, 10000);
        }); }
        """;

    /// <summary>Texts from new numbers to one agent, one at a time: each page stamps (its Date.now()) when that number's thread is the top row.</summary>
    private static async Task LatencyAsync(Webhooks sender, List<IPage> pages, string number, int probes)
    {
        var fromAnswered = new List<double>();
        var fromSent = new List<double>();
        var missed = 0;
        for (var i = 0; i < probes + 3; i++)
        {
            var phone = $"+1917{5550000 + i:D7}";
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Watch, phone)));
            var sent = Stats.UnixMs();
            var answered = await sender.SendAsync(phone, number, $"Live latency probe {i}");
            var seen = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<double>("() => window.__seen")));
            if (i >= 3) // the first three warm the path
                foreach (var at in seen)
                {
                    if (at < 0) { missed++; continue; }
                    fromAnswered.Add(Math.Max(0, at - answered));
                    fromSent.Add(at - sent);
                }
            await Task.Delay(200);
        }
        Console.WriteLine($"one agent, {pages.Count} inbox pages, {probes} texts from new numbers one at a time: {Stats.Load()}");
        Console.WriteLine($"  webhook answered (200 received) → thread on top, per page: {Stats.Describe(fromAnswered)} (0 = before the answer arrived)");
        Console.WriteLine($"  webhook sent → thread on top, per page: {Stats.Describe(fromSent)}; {missed} page(s) missed a text within 10 s");
    }

    private sealed class Webhooks(Uri baseUrl, string token) : IDisposable
    {
        private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
        private readonly string _url = new Uri(baseUrl, "/webhooks/twilio/sms").ToString();

        /// <summary>Sends one signed inbound text; returns when its 200 arrived (Unix ms).</summary>
        public async Task<double> SendAsync(string from, string to, string body)
        {
            var form = Stats.InboundForm(from, body, to);
            using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(token, _url, form));
            using var response = await _client.SendAsync(request);
            var answered = Stats.UnixMs();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{_url} answered {(int)response.StatusCode}");
            return answered;
        }

        public void Dispose() => _client.Dispose();
    }
}

using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

/// <summary>Opening the inbox: navigation start → first thread row in the DOM (the first useful paint of an inbox).</summary>
public static class OpenInbox
{
    private const string Probe = """
        new MutationObserver((_, mo) => {
            if (!window.__firstThread && document.querySelector('[data-testid=thread-item]')) { window.__firstThread = performance.now(); }
            if (!window.__ready && document.querySelector('[data-testid=circuit-ready]')) { window.__ready = performance.now(); }
            if (window.__firstThread && window.__ready) mo.disconnect();
        }).observe(document, { subtree: true, childList: true });
        """;

    public static async Task<int> RunAsync(Uri baseUrl, int count)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync();
        await Browser.SignInAsync(await context.NewPageAsync(), baseUrl);
        await context.AddInitScriptAsync(Probe);
        var url = new Uri(baseUrl, "/phone/sms").ToString();
        var firstThread = new List<double>();
        var ready = new List<double>();
        for (var i = 0; i < count + 2; i++)
        {
            var page = await context.NewPageAsync();
            var trace = i == count + 1 && Environment.GetEnvironmentVariable("WINNERR_BENCH_TRACE") is { Length: > 0 } tracePath ? tracePath : null;
            var events = new List<System.Text.Json.JsonElement>();
            var done = new TaskCompletionSource();
            ICDPSession? cdp = null;
            if (trace is not null)
            {
                // Chromium's own performance trace of the load (open it in chrome://tracing or Perfetto).
                cdp = await context.NewCDPSessionAsync(page);
                cdp.Event("Tracing.dataCollected").OnEvent += (_, e) => { if (e?.GetProperty("value") is { } v) lock (events) events.AddRange(v.EnumerateArray().Select(x => x.Clone())); };
                cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => done.TrySetResult();
                await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
                {
                    ["categories"] = "devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,loading", ["transferMode"] = "ReportEvents",
                });
            }
            await page.GotoAsync(url);
            await page.GetByTestId("thread-item").First.WaitForAsync();
            await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (cdp is not null)
            {
                await cdp.SendAsync("Tracing.end");
                await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
                await File.WriteAllTextAsync(trace!, System.Text.Json.JsonSerializer.Serialize(new { traceEvents = events }));
            }
            if (i >= 2) // the first two loads warm the server's and browser's caches
            {
                firstThread.Add(await page.EvaluateAsync<double>("() => window.__firstThread"));
                ready.Add(await page.EvaluateAsync<double>("() => window.__ready"));
            }
            if (i == count + 1 && Environment.GetEnvironmentVariable("WINNERR_BENCH_TIMELINE") == "1")
                Console.WriteLine("timeline of the last load (ms from navigation start):\n" + await page.EvaluateAsync<string>("""
                    () => {
                        const nav = performance.getEntriesByType('navigation')[0];
                        const rows = [['document response', nav.responseStart, nav.responseEnd], ['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd]];
                        for (const r of performance.getEntriesByType('resource')) rows.push([r.name.replace(location.origin, ''), r.startTime, r.responseEnd]);
                        rows.push(['first thread row', window.__firstThread, window.__firstThread], ['circuit-ready', window.__ready, window.__ready]);
                        return rows.sort((a, b) => a[1] - b[1]).map(([n, s, e]) => `  ${s.toFixed(0).padStart(5)} → ${e.toFixed(0).padStart(5)}  ${n}`).join('\n');
                    }
                    """));
            await page.CloseAsync();
        }
        Console.WriteLine($"open inbox → first thread row: {Stats.Describe(firstThread)}; {Stats.Load()}");
        Console.WriteLine($"open inbox → interactive (circuit-ready): {Stats.Describe(ready)}; {Stats.Load()}");
        return 0;
    }
}

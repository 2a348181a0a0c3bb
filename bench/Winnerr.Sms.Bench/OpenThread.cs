using System.Text.Json;
using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Opening the seeded big thread (conversation 1, the newest, "Message N in thread 1" its last text) until its newest
/// message is in the DOM and inside the viewport: (a) clicked in an open, interactive inbox (click → visible, the page's
/// performance.now()), and (b) loaded as a fresh page at /phone/sms/1 (navigation start → visible).
/// </summary>
public static class OpenThread
{
    private const string Visible = """
        (expected, since) => {
            const all = document.querySelectorAll('[data-testid=message]');
            const last = all[all.length - 1];
            if (!last || last.querySelector('.message__bubble')?.textContent !== expected) return false;
            const r = last.getBoundingClientRect();
            return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
        }
        """;

    // Stamps the click in the capture phase (before Blazor's link handler) and the first mutation after which the newest message shows.
    private static string WatchClick(string expected) => $$"""
        () => { window.__opened = new Promise(resolve => {
            const visible = {{Visible}};
            let clicked = 0;
            document.addEventListener('click', () => { clicked = performance.now(); }, { capture: true, once: true });
            const mo = new MutationObserver(() => { if (clicked && visible({{JsonSerializer.Serialize(expected)}})) { mo.disconnect(); resolve(performance.now() - clicked); } });
            mo.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { mo.disconnect(); resolve(-1); }, 15000);
        }); }
        """;

    private static string WatchLoad(string expected) => $$"""
        window.__opened = new Promise(resolve => {
            const visible = {{Visible}};
            const mo = new MutationObserver(() => { if (document.body && visible({{JsonSerializer.Serialize(expected)}})) { mo.disconnect(); resolve(performance.now()); } });
            mo.observe(document, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { mo.disconnect(); resolve(-1); }, 15000);
        });
        """;

    public static async Task<int> RunAsync(Uri baseUrl, int count, int messages)
    {
        var expected = $"Message {messages} in thread 1";
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl);
        var row = page.Locator("[data-testid=thread-item][data-phone='+16465550001']");
        await row.WaitForAsync();

        var clicked = new List<double>();
        var shown = 0;
        for (var i = 0; i < count + 2; i++)
        {
            await page.EvaluateAsync(WatchClick(expected));
            await row.ClickAsync();
            var ms = await page.EvaluateAsync<double>("() => window.__opened");
            if (ms < 0) throw new TimeoutException($"the newest message of the {messages:N0}-message thread did not show within 15 s");
            shown = await page.Locator("[data-testid=message]").CountAsync();
            if (i >= 2) clicked.Add(ms); // the first two warm the server's and browser's caches
            await page.EvaluateAsync("() => Blazor.navigateTo('/phone/sms')"); // back to the bare inbox, in the circuit (the back button is for phones)
            await page.Locator("[data-testid=message]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await Task.Delay(200);
        }
        Console.WriteLine($"open the {messages:N0}-message thread from the open inbox (click → newest message visible; {shown} messages rendered): {Stats.Describe(clicked)}; {Stats.Load()}");

        var loaded = new List<double>();
        var url = new Uri(baseUrl, "/phone/sms/1").ToString();
        for (var i = 0; i < count + 2; i++)
        {
            var fresh = await context.NewPageAsync();
            await fresh.AddInitScriptAsync(WatchLoad(expected));
            await fresh.GotoAsync(url);
            var ms = await fresh.EvaluateAsync<double>("() => window.__opened");
            if (ms < 0) throw new TimeoutException($"the newest message of the {messages:N0}-message thread did not show within 15 s of loading {url}");
            if (i >= 2) loaded.Add(ms);
            await fresh.CloseAsync();
        }
        Console.WriteLine($"load /phone/sms/1 in a fresh page (navigation start → newest message visible): {Stats.Describe(loaded)}; {Stats.Load()}");
        return 0;
    }
}

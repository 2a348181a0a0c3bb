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
            await page.GotoAsync(url);
            await page.GetByTestId("thread-item").First.WaitForAsync();
            await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (i >= 2) // the first two loads warm the server's and browser's caches
            {
                firstThread.Add(await page.EvaluateAsync<double>("() => window.__firstThread"));
                ready.Add(await page.EvaluateAsync<double>("() => window.__ready"));
            }
            await page.CloseAsync();
        }
        Console.WriteLine($"open inbox → first thread row: {Stats.Describe(firstThread)}; {Stats.Load()}");
        Console.WriteLine($"open inbox → interactive (circuit-ready): {Stats.Describe(ready)}; {Stats.Load()}");
        return 0;
    }
}

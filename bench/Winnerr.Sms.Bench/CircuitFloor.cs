using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

/// <summary>
/// The floor under issue 9's memory per idle inbox circuit: the GC heap per page of bench/CircuitFloor, a Blazor Server
/// app whose one interactive page renders a line of text, measured the way <see cref="InboxLive"/> measures inbox pages
/// (<see cref="CircuitMemory"/>: pages, 5 s, a full GC and its live bytes; then as many pages again).
/// </summary>
public static class CircuitFloor
{
    public static async Task<int> RunAsync(Uri baseUrl, int pid, int pages, string? tools)
    {
        var memory = new CircuitMemory(pid, tools);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync();
            async Task OpenAsync(int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(baseUrl.ToString());
                    await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                }
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            var none = await memory.MeasureAsync("0 pages");
            await OpenAsync(pages);
            var some = await memory.MeasureAsync($"{pages} pages");
            await OpenAsync(pages);
            var all = await memory.MeasureAsync($"{2 * pages} pages");
            memory.PerPage(none, all, 2 * pages);
            memory.PerPage(some, all, pages);
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

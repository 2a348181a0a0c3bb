using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

/// <summary>
/// History in the browser (issue 12): from the input event of a search (the last keystroke) to the first row with its
/// highlighted match on screen, measured inside the page with performance.now(); includes the search box's debounce.
/// </summary>
public static class HistoryTyping
{
    private static readonly string[] Words = ["zebrawood", "inspection", "showing", "offer", "appraisal", "kitchen", "basement", "lopez", "parking", "lender"];

    private const string Type = """
        async (word) => {
          const input = document.querySelector('input[data-testid=history-search]');
          const start = performance.now();
          input.value = word;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return await new Promise((resolve, reject) => {
            const check = () => {
              const mark = document.querySelector('[data-testid=history-row] mark');
              if (mark && mark.textContent.toLowerCase().startsWith(word.slice(0, 4))) resolve(performance.now() - start);
              else if (performance.now() - start > 10000) reject(new Error('no result for ' + word));
              else requestAnimationFrame(check);
            };
            check();
          });
        }
        """;

    private const string Clear = """
        async () => {
          const input = document.querySelector('input[data-testid=history-search]');
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise(resolve => { const check = () => document.querySelector('[data-testid=history-row] mark') ? requestAnimationFrame(check) : resolve(); check(); });
        }
        """;

    public static async Task<int> RunAsync(Uri baseUrl, int count)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync()).NewPageAsync();
            await Browser.SignInAsync(page, baseUrl);
            await page.GotoAsync(new Uri(baseUrl, "/phone/sms/history").ToString());
            await page.Locator("[data-testid=history][data-ready=true]").WaitForAsync();
            var ms = new List<double>();
            for (var i = -3; i < count; i++)
            {
                await page.EvaluateAsync(Clear);
                var elapsed = await page.EvaluateAsync<double>(Type, Words[(i + 3) % Words.Length]);
                if (i >= 0) ms.Add(elapsed);
            }
            Console.WriteLine($"history in the browser, search input → first highlighted row visible (the page's 40 ms debounce included): {Stats.Describe(ms)}; {Stats.Load()}");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

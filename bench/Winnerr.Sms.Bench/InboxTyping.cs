using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

/// <summary>
/// Inbox search in the browser (issue 9): from the input event of a search to a thread list in which every shown row
/// matches, measured inside the page with performance.now(); includes the search box's debounce.
/// </summary>
public static class InboxTyping
{
    // Last names of the seeded contacts (Seeder): each matches about a tenth of the threads.
    private static readonly string[] Words = ["Lopez", "Carter", "Shah", "Nguyen", "Brooks", "Khan", "Garcia", "Kim", "Haddad"];

    private const string Type = """
        async (word) => {
          const input = document.querySelector('input[data-testid=inbox-search]');
          const all = () => { const rows = [...document.querySelectorAll('[data-testid=thread-item]')];
            return rows.length > 0 && rows.every(r => r.textContent.toLowerCase().includes(word.toLowerCase())); };
          const start = performance.now();
          input.value = word;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return await new Promise((resolve, reject) => {
            const check = () => {
              if (all()) resolve(performance.now() - start);
              else if (performance.now() - start > 10000) reject(new Error('no filtered list for ' + word));
              else requestAnimationFrame(check);
            };
            check();
          });
        }
        """;

    // Back to the whole list: rows of other names are shown again.
    private const string Clear = """
        async (word) => {
          const input = document.querySelector('input[data-testid=inbox-search]');
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise(resolve => { const check = () => [...document.querySelectorAll('[data-testid=thread-item]')]
            .some(r => !r.textContent.toLowerCase().includes(word.toLowerCase())) ? resolve() : requestAnimationFrame(check); check(); });
        }
        """;

    public static async Task<int> RunAsync(Uri baseUrl, int count)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var page = await (await browser.NewContextAsync()).NewPageAsync();
            await Browser.SignInAsync(page, baseUrl);
            await page.Locator("[data-testid=thread-item]").First.WaitForAsync();
            var ms = new List<double>();
            for (var i = -3; i < count; i++)
            {
                var word = Words[(i + 3) % Words.Length];
                var elapsed = await page.EvaluateAsync<double>(Type, word);
                await page.EvaluateAsync(Clear, word);
                if (i >= 0) ms.Add(elapsed);
            }
            Console.WriteLine($"inbox search in the browser, search input → every shown thread matches (the box's debounce included): {Stats.Describe(ms)}; {Stats.Load()}");
            return 0;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

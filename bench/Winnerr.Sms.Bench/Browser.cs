using Microsoft.Playwright;

namespace Winnerr.Sms.Bench;

public static class Browser
{
    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var scratch = Directory.CreateTempSubdirectory("winnerr-bench-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            Env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = scratch, ["XDG_CACHE_HOME"] = scratch },
        });
        return (playwright, browser);
    }

    /// <summary>Signs in as the demo agent (bench/run.sh starts the app with the demo on).</summary>
    public static Task SignInAsync(IPage page, Uri baseUrl) => SignInAsync(page, baseUrl,
        Environment.GetEnvironmentVariable("BENCH_EMAIL") ?? "demo@winnerr.test", Environment.GetEnvironmentVariable("BENCH_PASSWORD") ?? "winnerr-demo-2026");

    /// <summary>Signs in as the given agent; the page ends on the inbox with its circuit connected.</summary>
    public static async Task SignInAsync(IPage page, Uri baseUrl, string email, string password)
    {
        await page.GotoAsync(new Uri(baseUrl, "/login").ToString());
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}

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
}

using Microsoft.Playwright;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// One headless Debian Chromium for the E2E collection, driven by Playwright. Playwright's own browser
/// download cannot work here (no internet), so it launches the system chromium that test.sh installs.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        // The whole suite shares two cores; a page may take longer than Playwright's 5 s default to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        var scratch = Directory.CreateTempSubdirectory("winnerr-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            Env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = scratch, ["XDG_CACHE_HOME"] = scratch },
        });
    }

    /// <summary>A fresh browser context (its own cookies) pointed at the app, and a page in it.</summary>
    public async Task<IPage> NewPageAsync(SmsAppFactory app)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        // A fresh host's first page (JIT, migrations, static assets) can take longer while the other collections load both cores.
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

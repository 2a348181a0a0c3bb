using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>
/// Open pages of an ended sign-in session leave for sign-in at once. The periodic re-check is set far out
/// (except where a test is about it), so what moves the pages here is the session-ended event.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionFlowTests(BrowserFixture browser) : IAsyncLifetime
{
    private const float Promptly = 2_000;
    private SmsAppFactory? _app;
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    private SmsAppFactory StartApp(string revalidationInterval = "00:10:00")
    {
        _app = new SmsAppFactory();
        _app.Settings["Auth:RevalidationInterval"] = revalidationInterval;
        return _app.StartKestrel();
    }

    /// <summary>A new browser (its own cookies), signed in.</summary>
    private async Task<IPage> SignedInBrowserAsync(string email = SmsAppFactory.AgentEmail, string password = SmsAppFactory.AgentPassword)
    {
        var page = await browser.NewPageAsync(_app!);
        _contexts.Add(page.Context);
        await page.SignInAsync(email: email, password: password);
        return page;
    }

    /// <summary>Another tab of the same browser: same cookie, same session, its own circuit.</summary>
    private static async Task<IPage> OpenTabAsync(IPage sameBrowser, string path = "/phone/sms")
    {
        var tab = await sameBrowser.Context.NewPageAsync();
        await tab.GotoAsync(path);
        await tab.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return tab;
    }

    private static PageAssertionsToHaveURLOptions Within(Stopwatch since) =>
        new() { Timeout = Math.Max(1, Promptly - since.ElapsedMilliseconds) };

    [Fact]
    public async Task WhenOneTabSignsOut_ThenTheOtherTabOfTheSameBrowserGoesToSignInWithin2s()
    {
        StartApp();
        var tabA = await SignedInBrowserAsync();
        var tabB = await OpenTabAsync(tabA, "/settings");

        var clock = Stopwatch.StartNew();
        await tabA.GetByTestId("sign-out").ClickAsync();

        await Expect(tabB).ToHaveURLAsync(new Regex("/login$"), Within(clock));
        await Expect(tabA).ToHaveURLAsync(new Regex("/login$"));
        await Expect(tabB.GetByTestId("login-email")).ToBeVisibleAsync();
        await tabB.GotoAsync("/phone/sms");
        await Expect(tabB).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Fphone%2Fsms$"));
    }

    [Fact]
    public async Task WhenOneBrowserSignsOut_ThenAnotherSignedInBrowserStaysSignedIn()
    {
        StartApp();
        var first = await SignedInBrowserAsync();
        var second = await SignedInBrowserAsync();

        await first.GetByTestId("sign-out").ClickAsync();
        await Expect(first).ToHaveURLAsync(new Regex("/login$"));

        // The second browser's page still works live: a text arrives and shows without a reload.
        using var client = new HttpClient { BaseAddress = _app!.BaseAddress };
        (await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "Still there?")))).EnsureSuccessStatusCode();
        await Expect(second.Locator("[data-testid=thread-item][data-phone='+12125550147']")).ToContainTextAsync("Still there?");
        await Expect(second).ToHaveURLAsync(new Regex("/phone/sms$"));
    }

    [Fact]
    public async Task WhenTheAgentSignsOutEverywhere_ThenEveryBrowserGoesToSignInWithin2s()
    {
        StartApp();
        var laptop = await SignedInBrowserAsync();
        var phone = await SignedInBrowserAsync();

        await laptop.GetByTestId("account-menu").ClickAsync();
        var clock = Stopwatch.StartNew();
        await laptop.GetByTestId("sign-out-everywhere").ClickAsync();

        await Expect(phone).ToHaveURLAsync(new Regex("/login$"), Within(clock));
        await Expect(laptop).ToHaveURLAsync(new Regex("/login$"));
        await phone.GotoAsync("/phone/sms");
        await Expect(phone).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl="));
    }

    [Fact]
    public async Task WhenAnAdminLocksAnAgent_ThenTheirOpenPageGoesToSignInWithin2s()
    {
        StartApp();
        await _app!.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", "+13125550100", "bea-password-2026");
        var bea = await SignedInBrowserAsync("bea@winnerr.test", "bea-password-2026");

        var clock = Stopwatch.StartNew();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("bea@winnerr.test");
            await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SetLockedOutAsync(user!.Id, locked: true);
        }

        await Expect(bea).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Fphone%2Fsms$"), Within(clock));
        await Expect(bea.GetByTestId("login-email")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenASessionEndsWithoutAnEvent_ThenThePeriodicRecheckStillSendsThePageToSignIn()
    {
        StartApp(revalidationInterval: "00:00:01");
        var page = await SignedInBrowserAsync();

        // As if the event were lost (another node ended it): only the row changes.
        await using (var db = await _app!.DbAsync())
            await db.AgentSessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, DateTimeOffset.UtcNow).SetProperty(s => s.EndedReason, AgentSessions.SignedOut));

        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class AuthFlowTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string BeaNumber = "+13125550100";
    private SmsAppFactory _app = null!;
    private readonly List<IBrowserContext> _contexts = [];

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory();
        _app.Settings["Auth:RevalidationInterval"] = "00:00:01";
        _app.StartKestrel();
        await _app.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", BeaNumber, "bea-password-2026");
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync(_app);
        _contexts.Add(page.Context);
        return page;
    }

    [Fact]
    public async Task WhenAgentSignsIn_ThenTheyLandOnTheInboxAndCanSignOut()
    {
        var page = await NewPageAsync();

        await page.SignInAsync("/phone/sms");

        await Expect(page).ToHaveURLAsync(new Regex("/phone/sms$"));
        await Expect(page.GetByTestId("agent-identity")).ToContainTextAsync("Alex Morgan");
        await Expect(page.GetByTestId("agent-identity")).ToContainTextAsync("(500) 555-0006");
        await Expect(page.GetByTestId("agent-identity")).ToHaveAttributeAsync("data-phone", SmsAppFactory.AgentNumber);

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.GotoAsync("/phone/sms");
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl=%2Fphone%2Fsms$"));
    }

    [Fact]
    public async Task WhenThePasswordIsWrong_ThenTheSignInPageSaysSo()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");

        await page.GetByTestId("login-email").FillAsync(SmsAppFactory.AgentEmail);
        await page.GetByTestId("login-password").FillAsync("nope-nope-nope");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong email or password.");
    }

    [Fact]
    public async Task WhenATextArrivesForB_ThenOnlyBsOpenPageShowsIt()
    {
        var alex = await NewPageAsync();
        var bea = await NewPageAsync();
        await alex.SignInAsync();
        await bea.SignInAsync(email: "bea@winnerr.test", password: "bea-password-2026");

        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        (await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms",
            SmsAppFactory.InboundForm("+12125550147", "For Bea only", to: BeaNumber)))).EnsureSuccessStatusCode();

        var beasThread = bea.Locator("[data-testid=thread-item][data-phone='+12125550147']");
        await Expect(beasThread.GetByTestId("thread-unread")).ToHaveTextAsync("1");
        await Expect(bea.GetByTestId("nav-unread")).ToHaveTextAsync("1");
        // Both circuits are notified in the same fan-out; once Bea's page shows it, Alex's would have too.
        await Expect(alex.GetByTestId("thread-item")).ToHaveCountAsync(0);
        await Expect(alex.GetByTestId("nav-unread")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhenAnOpenAgentIsLockedOut_ThenTheirPageLosesAccessWithoutAReload()
    {
        var bea = await NewPageAsync();
        await bea.SignInAsync(email: "bea@winnerr.test", password: "bea-password-2026");
        await Expect(bea.GetByTestId("agent-identity")).ToContainTextAsync("Bea Quinn");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("bea@winnerr.test");
            await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SetLockedOutAsync(user!.Id, locked: true);
        }

        await Expect(bea).ToHaveURLAsync(new Regex(@"/login\?ReturnUrl="));
        await Expect(bea.GetByTestId("thread-item")).ToHaveCountAsync(0);
    }
}

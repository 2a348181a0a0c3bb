using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>The navigation drawer (plain markup, a media query and js/drawer.js): beside the page when wide, over it when narrow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationDrawerTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        _page = await browser.NewPageAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    private ILocator Drawer => _page.GetByTestId("app-drawer");
    private ILocator Toggle => _page.GetByTestId("drawer-toggle");

    [Fact]
    public async Task AtPhoneWidth_TheMenuOpensTheDrawerOverThePage_AndALinkOrEscapeClosesIt()
    {
        await _page.SetViewportSizeAsync(390, 844);
        await _page.SignInAsync();

        await Expect(Drawer).ToBeHiddenAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await Toggle.ClickAsync();
        await Expect(Drawer).ToBeVisibleAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-expanded", "true");

        await Drawer.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/people$"));
        await Expect(Drawer).ToBeHiddenAsync();

        await Toggle.ClickAsync();
        await Expect(Drawer).ToBeVisibleAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Expect(Drawer).ToBeHiddenAsync();
        await Expect(Toggle).ToBeFocusedAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task WhenWide_TheDrawerStaysBesideThePage_AndTheMenuHidesItAcrossNavigation()
    {
        await _page.SetViewportSizeAsync(1280, 800);
        await _page.SignInAsync();
        await Expect(_page).ToHaveTitleAsync(new Regex("Inbox · Winnerr SMS$"));

        await Expect(Drawer).ToBeVisibleAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-expanded", "true");

        await Toggle.ClickAsync();
        await Expect(Drawer).ToBeHiddenAsync();
        await Expect(Toggle).ToHaveAttributeAsync("aria-expanded", "false");

        // Hidden is the agent's choice: it holds when the app moves to another page, and the menu brings the drawer back.
        await _page.EvaluateAsync("() => Blazor.navigateTo('/people')");
        await Expect(_page).ToHaveURLAsync(new Regex("/people$"));
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "People" })).ToBeVisibleAsync();
        await Expect(_page).ToHaveTitleAsync("People · Winnerr SMS");
        await Expect(Drawer).ToBeHiddenAsync();

        await Toggle.ClickAsync();
        await Expect(Drawer).ToBeVisibleAsync();
        await Expect(Drawer.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveAttributeAsync("aria-current", "page");
    }
}

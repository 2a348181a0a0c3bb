using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ProfileTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private IPage _page = null!;
    private long _mariaId;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        var agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var saved = await _app.Services.GetRequiredService<ContactService>()
            .CreateAsync(agent, new ContactInput("Maria", "Lopez", "(212) 555-0147", Consent: ConsentStatus.MarketingOptIn, ConsentSource: "web form"));
        _mariaId = saved.ContactId!.Value;
        _page = await browser.NewPageAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task WhenAgentTextsFromAProfile_ThenTheMessageIsOnTheRecordAndInTheInboxConversation()
    {
        await _page.SignInAsync("/people");
        await _page.Locator("[data-testid=people-row][data-phone='+12125550147'] .people-name").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex($"/people/{_mariaId}$"));
        await Expect(_page.GetByTestId("consent-badge")).ToHaveTextAsync("Can text: marketing");

        await _page.GetByTestId("contact-sms").ClickAsync();
        await Expect(_page.GetByTestId("contact-sms-to")).ToHaveValueAsync("+12125550147");
        await _page.Locator("#contact-sms-input").FillAsync("Hi Maria, confirming Saturday at 2 PM.");
        await _page.Locator("#contact-sms-input").PressAsync("Enter");

        var sent = _page.Locator("[data-testid=timeline-entry][data-kind=outbound]");
        await Expect(sent).ToContainTextAsync("Hi Maria, confirming Saturday at 2 PM.");
        await Expect(sent).ToHaveAttributeAsync("data-status", "delivered");

        await _page.GotoAsync("/phone/sms");
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await _page.Locator("[data-testid=thread-item][data-phone='+12125550147']").ClickAsync();
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync("Hi Maria, confirming Saturday at 2 PM.");
    }

    [Fact]
    public async Task WhenAgentSearchesPeopleAndSelectsAllMatching_ThenTheSelectionCoversEveryMatch()
    {
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        for (var i = 0; i < 30; i++) await contacts.CreateAsync(agent, new ContactInput($"Buyer{i:D2}", "Smith", $"+1646555{i:D4}", Tags: ["buyer"]));
        await _page.SignInAsync("/people");

        await _page.GetByTestId("people-search").FillAsync("Smith");
        await Expect(_page.GetByTestId("people-total")).ToHaveTextAsync("30 contacts");
        await Expect(_page.GetByTestId("people-row")).ToHaveCountAsync(25);
        await _page.Locator("input[data-testid=people-select-page], [data-testid=people-select-page] input").First.CheckAsync();
        await _page.GetByTestId("people-select-all-matching").ClickAsync();

        await Expect(_page.GetByTestId("people-selection")).ToContainTextAsync("All 30 matching contacts are selected.");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Templates;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class TemplateTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        var agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        await _app.Services.GetRequiredService<ContactService>()
            .CreateAsync(agent, new ContactInput("Maria", "Lopez", "+12125550147", PropertyAddress: "418 Maple Ave"));
        await _app.Services.GetRequiredService<TemplateService>().SaveAsync(agent, isAdmin: true, null,
            new TemplateInput("Showing confirmation", "Hi {{first_name}}, see you at {{property_address}}! – {{agent_name}}", "Showings", Shared: false));
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        (await client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "Are we still on?")))).EnsureSuccessStatusCode();
        _page = await browser.NewPageAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task WhenAgentPicksATemplateInAConversation_ThenItIsPersonalisedSentAndShown()
    {
        await _page.SignInAsync();
        await _page.Locator("[data-testid=thread-item][data-phone='+12125550147']").ClickAsync();
        await Expect(_page.Locator("[data-testid=message][data-direction=inbound]")).ToHaveCountAsync(1);

        await _page.GetByTestId("template-picker").ClickAsync();
        await _page.Locator("[data-testid=template-item][data-name='Showing confirmation'] .template-item__pick").ClickAsync();

        var input = _page.GetByTestId("compose-input");
        await Expect(input).ToHaveValueAsync("Hi Maria, see you at 418 Maple Ave! – Alex Morgan");
        await Expect(_page.GetByTestId("segment-counter")).ToHaveAttributeAsync("data-encoding", "UCS-2");
        await input.PressAsync("Enter");

        var sent = _page.Locator("[data-testid=message][data-direction=outbound]");
        await Expect(sent).ToContainTextAsync("Hi Maria, see you at 418 Maple Ave! – Alex Morgan");
        await Expect(sent).ToHaveAttributeAsync("data-status", "delivered");
    }

    [Fact]
    public async Task WhenAgentSavesATemplateWithAnUnknownToken_ThenTheEditorNamesItAndItsPosition()
    {
        await _page.SignInAsync("/phone/sms/templates");
        await _page.GetByTestId("template-new").ClickAsync();
        await _page.GetByTestId("template-name").FillAsync("Broken");
        await _page.GetByTestId("template-body").FillAsync("Hi {{firstname}}!");
        await _page.GetByTestId("template-save").ClickAsync();

        await Expect(_page.GetByTestId("template-error").First).ToContainTextAsync("{{firstname}}");
        await Expect(_page.GetByTestId("template-error").First).ToContainTextAsync("position 3");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Suggestions;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>Suggested replies in the browser, with the embedded engine: live, a click fills the box, Enter sends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SuggestionTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private HttpClient _client = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().WithSuggestions().StartKestrel();
        _client = new HttpClient { BaseAddress = _app.BaseAddress };
        _page = await browser.NewPageAsync(_app);
        await _app.Services.GetRequiredService<SuggestionModel>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task TextInAsync(string from, string body)
    {
        using var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(from, body)));
        response.EnsureSuccessStatusCode();
    }

    private ILocator Compose => _page.GetByTestId("compose-input");

    [Fact]
    public async Task WhenASignedTextArrivesInTheOpenConversation_ThenSuggestionsAppearLive_AndAClickFillsTheBox_AndEnterSendsIt()
    {
        await TextInAsync("+12125550147", "Hi, I saw your sign");
        await using (var db = await _app.DbAsync())
        {
            var id = await db.Conversations.Where(c => c.Contact.Phone == "+12125550147").Select(c => c.Id).SingleAsync();
            await _page.SignInAsync($"/phone/sms/{id}");
        }
        await Expect(_page.GetByTestId("ai-suggestions")).ToBeVisibleAsync();
        await _page.EvaluateAsync("() => window.__sameDocument = true");

        await TextInAsync("+12125550147", "Can we come see the house on Saturday?");

        var showing = _page.Locator("[data-testid=ai-suggestions] [data-testid=ai-suggestion][data-intent=schedule_showing]");
        await Expect(showing).ToBeVisibleAsync();
        var text = (await showing.TextContentAsync())!.Trim();
        Assert.DoesNotContain("{{", text);

        await showing.ClickAsync();
        await Expect(Compose).ToHaveValueAsync(text);
        Assert.True(await Compose.EvaluateAsync<bool>("el => el.selectionStart === el.value.length && el.selectionEnd === el.value.length"));
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToHaveCountAsync(0);

        await Compose.PressAsync("Enter");
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync(text);
        await Expect(_page.GetByTestId("ai-suggestions")).ToHaveCountAsync(0);
        Assert.True(await _page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        await using var check = await _app.DbAsync();
        var feedback = await check.SuggestionFeedback.Select(f => f.Outcome).ToListAsync();
        Assert.Contains(SuggestionFeedback.Clicked, feedback);
    }

    [Fact]
    public async Task WhenAltAndANumberArePressed_ThenThatSuggestionFillsTheBox()
    {
        await TextInAsync("+13125550190", "Is the condo still available? How much is it?");
        await using (var db = await _app.DbAsync())
        {
            var id = await db.Conversations.Where(c => c.Contact.Phone == "+13125550190").Select(c => c.Id).SingleAsync();
            await _page.SignInAsync($"/phone/sms/{id}");
        }
        var suggestions = _page.Locator("[data-testid=ai-suggestions] [data-testid=ai-suggestion]");
        await Expect(suggestions.Nth(1)).ToBeVisibleAsync();
        var second = (await suggestions.Nth(1).TextContentAsync())!.Trim();

        await Compose.FocusAsync();
        await _page.Keyboard.PressAsync("Alt+Digit2");

        await Expect(Compose).ToHaveValueAsync(second);
    }
}

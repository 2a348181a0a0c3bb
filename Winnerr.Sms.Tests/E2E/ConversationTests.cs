using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>The open conversation knows the person: naming a number from its header, drafts kept per thread, consent lines live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConversationTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private HttpClient _client = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        _client = new HttpClient { BaseAddress = _app.BaseAddress };
        _page = await browser.NewPageAsync(_app);
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

    private ILocator Thread(string phone, IPage? page = null) => (page ?? _page).Locator($"[data-testid=thread-item][data-phone='{phone}']");
    private ILocator Compose => _page.GetByTestId("compose-input");

    [Fact]
    public async Task WhenAnUnknownNumberIsNamedFromTheHeader_ThenTheThreadListAndPeopleUpdateLive()
    {
        await TextInAsync("+13125550190", "Hi, is Oak St still available?");
        var people = await browser.NewPageAsync(_app);
        await people.SignInAsync("/people");
        await Expect(people.Locator("[data-testid=people-row][data-phone='+13125550190'] .people-name")).ToHaveTextAsync("(312) 555-0190");
        await _page.SignInAsync();
        await Thread("+13125550190").ClickAsync();
        var header = _page.GetByTestId("conversation-header");
        await Expect(header.GetByTestId("conversation-name")).ToHaveTextAsync("(312) 555-0190");
        await _page.EvaluateAsync("() => window.__sameDocument = true");

        await header.GetByTestId("conversation-name-edit").ClickAsync();
        await _page.GetByTestId("conversation-first-name").FillAsync("Dana");
        await _page.GetByTestId("conversation-last-name").FillAsync("Reyes");
        await _page.GetByTestId("conversation-name-save").ClickAsync();

        await Expect(Thread("+13125550190").GetByTestId("thread-name")).ToHaveTextAsync("Dana Reyes");
        await Expect(header.GetByTestId("conversation-name")).ToHaveTextAsync("Dana Reyes");
        await Expect(header.GetByTestId("conversation-name")).ToHaveAttributeAsync("href", new Regex(@"^/people/\d+$"));
        await Expect(header.GetByTestId("conversation-phone")).ToHaveTextAsync("(312) 555-0190");
        await Expect(header.GetByTestId("conversation-name-edit")).ToHaveCountAsync(0);
        await Expect(people.Locator("[data-testid=people-row][data-phone='+13125550190'] .people-name")).ToHaveTextAsync("Dana Reyes");
        Assert.True(await _page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await using var db = await _app.DbAsync();
        var contact = await db.Contacts.SingleAsync(c => c.Phone == "+13125550190");
        Assert.Equal(("Dana", "Reyes"), (contact.FirstName, contact.LastName));
        await people.Context.DisposeAsync();
    }

    [Fact]
    public async Task WhenADraftIsTyped_ThenItSurvivesAnotherThreadAndAReloadAndASendClearsIt()
    {
        await TextInAsync("+12125550147", "Can we see it Saturday?");
        await TextInAsync("+13125550190", "What's the HOA fee?");
        await _page.SignInAsync();

        await Thread("+12125550147").ClickAsync();
        await Compose.FillAsync("Saturday at 2 works, shall I");
        // Straight to another thread, before the typing pause has saved it: leaving the conversation keeps it.
        await Thread("+13125550190").ClickAsync();
        await Expect(_page.GetByTestId("conversation-header")).ToHaveAttributeAsync("data-phone", "+13125550190");
        await Expect(Compose).ToHaveValueAsync("");

        await Thread("+12125550147").ClickAsync();
        await Expect(Compose).ToHaveValueAsync("Saturday at 2 works, shall I");

        await Compose.FillAsync("Saturday at 2 works, shall I book it?");
        await Expect(_page.Locator(".compose[data-draft=saved]")).ToHaveCountAsync(1);
        await _page.ReloadAsync();
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(Compose).ToHaveValueAsync("Saturday at 2 works, shall I book it?");

        await Compose.PressAsync("Enter");
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync("shall I book it?");
        await Expect(_page.Locator(".compose[data-draft=saved]")).ToHaveCountAsync(1);
        await _page.ReloadAsync();
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(_page.Locator(".compose[data-draft=saved]")).ToHaveCountAsync(1);
        await Expect(Compose).ToHaveValueAsync("");
        await using var db = await _app.DbAsync();
        Assert.All(await db.Conversations.Select(c => c.Draft).ToListAsync(), Assert.Null);
    }

    [Fact]
    public async Task WhenTheContactTextsStopAndStart_ThenTheOpenConversationShowsEachAsALineLive()
    {
        await TextInAsync("+12125550147", "Hello");
        await _page.SignInAsync();
        await Thread("+12125550147").ClickAsync();
        await Expect(_page.GetByTestId("day-divider")).ToHaveTextAsync("Today");
        await Expect(_page.GetByTestId("system-line")).ToHaveCountAsync(0);

        await TextInAsync("+12125550147", "STOP");

        var lines = _page.GetByTestId("system-line");
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines.First).ToContainTextAsync(new Regex(@"^\(212\) 555-0147 texted STOP: opted out on \w{3} \d{1,2} at \d{1,2}:\d{2} [AP]M$"));

        await TextInAsync("+12125550147", "START");

        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.Nth(1)).ToContainTextAsync("texted START: opted back in");
        await Expect(_page.GetByTestId("opted-out")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhenATextHasALink_ThenItOpensInANewTabWithoutAnOpener()
    {
        await TextInAsync("+12125550147", "Here it is: https://example.com/listing/418-maple. <b>thanks</b>");
        await _page.SignInAsync();
        await Thread("+12125550147").ClickAsync();

        var link = _page.GetByTestId("message-link");
        await Expect(link).ToHaveAttributeAsync("href", "https://example.com/listing/418-maple");
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        await Expect(_page.Locator(".message__bubble b")).ToHaveCountAsync(0);
        await Expect(_page.Locator(".message__bubble")).ToContainTextAsync("<b>thanks</b>");
    }
}

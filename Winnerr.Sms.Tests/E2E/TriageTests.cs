using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>Search, the Needs reply filter, row actions and the keyboard, in Chromium against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TriageTests(BrowserFixture browser) : IAsyncLifetime
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

    private async Task NameAsync(string phone, string first, string last)
    {
        var agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        await using var db = await _app.DbAsync();
        db.Contacts.Add(new Contact { AgentId = agentId, Phone = phone, FirstName = first, LastName = last, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private ILocator Thread(string phone) => _page.Locator($"[data-testid=thread-item][data-phone='{phone}']");
    private ILocator Threads => _page.GetByTestId("thread-item");
    private ILocator Search => _page.Locator("input[data-testid=inbox-search]");

    [Fact]
    public async Task WhenTheAgentSearchesAndFiltersNeedsReply_ThenTheListFollowsLiveUntilAnsweredOrDone()
    {
        await NameAsync("+12125550147", "Maria", "Lopez");
        await TextInAsync("+12125550147", "Do they allow pets?");
        await TextInAsync("+13125550190", "What's the asking price on Oak St?");
        await TextInAsync("+16175550162", "Thanks, that's all");
        await _page.SignInAsync();
        await Expect(Threads).ToHaveCountAsync(3);

        await Search.PressSequentiallyAsync("maria");
        await Expect(Threads).ToHaveCountAsync(1);
        await Expect(Thread("+12125550147")).ToBeVisibleAsync();
        await Search.FillAsync("(312) 555-0190");
        await Expect(Threads).ToHaveCountAsync(1);
        await Expect(Thread("+13125550190")).ToBeVisibleAsync();
        await Search.FillAsync("asking oak");
        await Expect(Thread("+13125550190")).ToBeVisibleAsync();
        await Search.PressAsync("Escape");
        await Expect(Threads).ToHaveCountAsync(3);
        await Expect(Search).ToHaveValueAsync("");

        // Reading is not replying: the thread the agent opened still needs a reply.
        await Thread("+16175550162").ClickAsync();
        await Expect(Thread("+16175550162").GetByTestId("thread-unread")).ToHaveCountAsync(0);
        await Expect(Thread("+16175550162").GetByTestId("thread-needs-reply")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("nav-needs-reply")).ToHaveTextAsync("3");

        await _page.Locator("[data-testid=inbox-filter] [data-filter=NeedsReply]").ClickAsync();
        await Expect(Threads).ToHaveCountAsync(3);
        await Thread("+12125550147").HoverAsync();
        await Thread("+12125550147").Locator("xpath=..").GetByTestId("thread-done").ClickAsync();
        await Expect(Thread("+12125550147")).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("nav-needs-reply")).ToHaveTextAsync("2");

        // Answered in the open conversation: the count drops, and the row stays (without its marker) while it is open.
        var compose = _page.GetByTestId("compose-input");
        await compose.FillAsync("Glad I could help!");
        await compose.PressAsync("Enter");
        await Expect(_page.GetByTestId("nav-needs-reply")).ToHaveTextAsync("1");
        await Expect(Thread("+16175550162").GetByTestId("thread-preview")).ToHaveTextAsync("You: Glad I could help!");
        await Expect(Thread("+16175550162").GetByTestId("thread-needs-reply")).ToHaveCountAsync(0);
        await Thread("+13125550190").ClickAsync();
        await Expect(Thread("+16175550162")).ToHaveCountAsync(0);

        // A new text joins the filtered list live.
        await TextInAsync("+14155550123", "Hi, is Saturday open?");
        await Expect(Thread("+14155550123").GetByTestId("thread-needs-reply")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("nav-needs-reply")).ToHaveTextAsync("2");
        await using var db = await _app.DbAsync();
        Assert.Equal(2, await db.Conversations.CountAsync(c => c.NeedsReply));
    }

    [Fact]
    public async Task WhenTheAgentMarksAThreadUnreadFromItsMenu_ThenItIsUnreadAgainEverywhere()
    {
        await TextInAsync("+12125550147", "Do they allow pets?");
        await _page.SignInAsync();
        await Thread("+12125550147").ClickAsync();
        await Expect(_page.GetByTestId("nav-unread")).ToHaveCountAsync(0);

        await Thread("+12125550147").HoverAsync();
        await _page.GetByTestId("thread-menu").ClickAsync();
        await Expect(_page.GetByTestId("thread-mark-unread")).ToBeFocusedAsync();
        await _page.GetByTestId("thread-mark-unread").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex(@"/phone/sms$"));
        await Expect(Thread("+12125550147").GetByTestId("thread-unread")).ToHaveTextAsync("1");
        await Expect(_page.GetByTestId("nav-unread")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task WhenTheAgentUsesOnlyTheKeyboard_ThenTheyOpenAThreadReplyAndSendANewMessage()
    {
        await TextInAsync("+12125550147", "Do they allow pets?");
        await TextInAsync("+13125550190", "What's the asking price on Oak St?");
        await _page.SignInAsync();
        await _page.Locator(".inbox[data-shortcuts=on]").WaitForAsync();
        var keys = _page.Keyboard;

        await keys.PressAsync("?");
        await Expect(_page.GetByTestId("shortcuts-dialog")).ToContainTextAsync("Mark done");
        await Expect(_page.GetByTestId("shortcuts-close")).ToBeFocusedAsync();
        await keys.PressAsync("Escape");
        await Expect(_page.GetByTestId("shortcuts-dialog")).ToHaveCountAsync(0);

        await keys.PressAsync("/");
        await Expect(Search).ToBeFocusedAsync();
        await keys.TypeAsync("oak");
        await Expect(Threads).ToHaveCountAsync(1);
        await keys.PressAsync("Escape");
        await Expect(Threads).ToHaveCountAsync(2);
        await keys.PressAsync("Tab");

        // Newest first: j to the first row, j to the second, k back up, ArrowDown to the second again.
        await keys.PressAsync("j");
        await Expect(Thread("+13125550190")).ToBeFocusedAsync();
        await keys.PressAsync("j");
        await Expect(Thread("+12125550147")).ToBeFocusedAsync();
        await keys.PressAsync("k");
        await Expect(Thread("+13125550190")).ToBeFocusedAsync();
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("Enter");

        await Expect(_page).ToHaveURLAsync(new Regex(@"/phone/sms/\d+$"));
        var compose = _page.GetByTestId("compose-input");
        await Expect(compose).ToBeFocusedAsync();
        // Text goes in at once (focus stays): keys typed within milliseconds of a field appearing can race its first render.
        await compose.FillAsync("Yes, cats and small dogs.");
        await keys.PressAsync("Enter");
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync("Yes, cats and small dogs.");

        // Out of the message box, then n for a new message: the dialog starts in its first field.
        await keys.PressAsync("Tab");
        await keys.PressAsync("n");
        var to = _page.Locator("input[data-testid=contact-search]");
        await Expect(to).ToBeFocusedAsync();
        await to.FillAsync("(415) 555-0123");
        await Expect(_page.Locator("[data-testid=contact-option][data-phone='+14155550123']")).ToBeVisibleAsync();
        await keys.PressAsync("Enter");
        await Expect(to).ToHaveValueAsync(new Regex(@"\+14155550123"));
        for (var tabs = 0; tabs < 5 && !await _page.EvaluateAsync<bool>("() => document.activeElement?.id === 'new-message-input'"); tabs++)
            await keys.PressAsync("Tab");
        await Expect(_page.Locator("#new-message-input")).ToBeFocusedAsync();
        await _page.Locator("#new-message-input").FillAsync("Hi Priya, it's Alex from Winnerr Realty.");
        await keys.PressAsync("Enter");

        await Expect(Thread("+14155550123")).ToBeVisibleAsync();
        await Expect(Thread("+14155550123").GetByTestId("thread-preview")).ToHaveTextAsync("You: Hi Priya, it's Alex from Winnerr Realty.");
    }

    [Fact]
    public async Task WhenADialogOpens_ThenFocusIsInItsFirstField()
    {
        await TextInAsync("+12125550147", "Do they allow pets?");
        await _page.SignInAsync();

        await _page.GetByTestId("new-message").ClickAsync();
        await Expect(_page.Locator("input[data-testid=contact-search]")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Expect(_page.GetByTestId("new-message-dialog")).ToHaveCountAsync(0);

        await Thread("+12125550147").ClickAsync();
        await _page.Locator(".inbox-conversation [data-testid=template-picker]").ClickAsync();
        await Expect(_page.Locator("input[data-testid=template-search]")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Escape");

        await _page.GotoAsync("/people");
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await _page.GetByTestId("people-new").ClickAsync();
        await Expect(_page.Locator("input[data-testid=contact-first]")).ToBeFocusedAsync();
    }
}

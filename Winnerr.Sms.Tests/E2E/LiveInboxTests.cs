using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class LiveInboxTests(BrowserFixture browser) : IAsyncLifetime
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

    private Task OpenInboxAsync(string path = "/phone/sms") => _page.SignInAsync(path);

    private ILocator Thread(string phone) => _page.Locator($"[data-testid=thread-item][data-phone='{phone}']");

    [Fact]
    public async Task WhenSignedWebhookArrives_ThenThreadAppearsOnTopWithBadgeWithoutReload()
    {
        await TextInAsync("+12125550147", "Earlier text");
        await OpenInboxAsync();
        await Expect(Thread("+12125550147")).ToBeVisibleAsync();
        await _page.EvaluateAsync("() => window.__sameDocument = true");

        await TextInAsync("+13125550190", "Hi, what's the asking price on Oak St?");

        var top = _page.GetByTestId("thread-item").First;
        await Expect(top).ToHaveAttributeAsync("data-phone", "+13125550190");
        await Expect(top.GetByTestId("thread-preview")).ToHaveTextAsync("Hi, what's the asking price on Oak St?");
        await Expect(top.GetByTestId("thread-unread")).ToHaveTextAsync("1");
        await Expect(_page.GetByTestId("nav-unread")).ToHaveTextAsync("2");
        await Expect(_page).ToHaveTitleAsync("(2) Inbox · Winnerr SMS");
        Assert.True(await _page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [Fact]
    public async Task WhenAgentOpensAThread_ThenItsBadgeClearsAndTheUrlNamesTheConversation()
    {
        await TextInAsync("+12125550147", "Is parking on the street?");
        await TextInAsync("+12125550147", "Also, pets?");
        await OpenInboxAsync();
        await Expect(Thread("+12125550147").GetByTestId("thread-unread")).ToHaveTextAsync("2");

        await Thread("+12125550147").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex(@"/phone/sms/\d+$"));
        await Expect(_page.Locator("[data-testid=message][data-direction=inbound]")).ToHaveCountAsync(2);
        await Expect(Thread("+12125550147").GetByTestId("thread-unread")).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("nav-unread")).ToHaveCountAsync(0);
        await Expect(_page).ToHaveTitleAsync("Inbox · Winnerr SMS");
        await using var db = await _app.DbAsync();
        Assert.Equal(0, (await db.Conversations.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task WhenAgentPressesEnter_ThenReplyIsSentAndReachesDelivered()
    {
        await TextInAsync("+12125550147", "Can we see it Saturday?");
        await OpenInboxAsync();
        await Thread("+12125550147").ClickAsync();
        var input = _page.GetByTestId("compose-input");
        await Expect(input).ToBeVisibleAsync();

        await input.FillAsync("Saturday at 2 works. See you there!");
        await input.PressAsync("Enter");

        var reply = _page.Locator("[data-testid=message][data-direction=outbound]");
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply).ToContainTextAsync("Saturday at 2 works. See you there!");
        await Expect(input).ToHaveValueAsync("");
        await Expect(reply).ToHaveAttributeAsync("data-status", "delivered");
    }

    [Fact]
    public async Task WhenShiftEnterIsPressed_ThenANewLineIsTypedAndNothingIsSent()
    {
        await TextInAsync("+12125550147", "Hello");
        await OpenInboxAsync();
        await Thread("+12125550147").ClickAsync();
        var input = _page.GetByTestId("compose-input");

        await input.FillAsync("Line one");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("Line two");
        await input.PressAsync("Enter");

        var reply = _page.Locator("[data-testid=message][data-direction=outbound]");
        await Expect(reply).ToHaveCountAsync(1);
        await Expect(reply.Locator(".message__bubble")).ToHaveTextAsync("Line one\nLine two");
    }

    [Fact]
    public async Task WhenContactTextsStop_ThenOpenConversationShowsOptedOutLive()
    {
        await TextInAsync("+12125550147", "Hello");
        await OpenInboxAsync();
        await Thread("+12125550147").ClickAsync();
        await Expect(_page.GetByTestId("opted-out")).ToHaveCountAsync(0);

        await TextInAsync("+12125550147", "STOP");

        await Expect(_page.GetByTestId("opted-out")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenAgentStartsANewMessage_ThenTheConversationOpensWithTheSentText()
    {
        await OpenInboxAsync();

        await _page.GetByTestId("new-message").ClickAsync();
        await _page.Locator("[data-testid=contact-search] input, input[data-testid=contact-search]").First.FillAsync("(415) 555-0123");
        await _page.Locator("[data-testid=contact-option][data-phone='+14155550123']").ClickAsync();
        var body = _page.Locator("#new-message-input");
        await body.FillAsync("Hi Priya, it's Alex from Winnerr Realty.");
        await body.PressAsync("Enter");

        await Expect(_page).ToHaveURLAsync(new Regex(@"/phone/sms/\d+$"));
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync("Hi Priya");
        await Expect(Thread("+14155550123")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WhenTwilioRefusesTheNumber_ThenTheMessageShowsTheErrorAndOffersNoPointlessRetry()
    {
        await OpenInboxAsync();
        await _page.GetByTestId("new-message").ClickAsync();
        await _page.Locator("input[data-testid=contact-search], [data-testid=contact-search] input").First.FillAsync("+15005550001");
        await _page.Locator("[data-testid=contact-option][data-phone='+15005550001']").ClickAsync();
        await _page.Locator("#new-message-input").FillAsync("Hello from the open house");
        await _page.Locator("#new-message-input").PressAsync("Enter");

        var failed = _page.Locator("[data-testid=message][data-direction=outbound]");
        await Expect(failed).ToHaveAttributeAsync("data-status", "failed");
        await Expect(failed.GetByTestId("message-error")).ToContainTextAsync("not a valid phone number");
        await Expect(failed.GetByTestId("message-error")).ToContainTextAsync("21211");

        // An invalid number fails the same way every time: Retry is offered only where it can help.
        await Expect(failed.GetByTestId("message-retry")).ToHaveCountAsync(0);
        await Expect(failed).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task WhenTheAgentScrollsALongInbox_ThenOlderConversationsPageIn()
    {
        var writer = _app.Services.GetRequiredService<Winnerr.Sms.Core.Conversations.InboxWriter>();
        await Task.WhenAll(Enumerable.Range(0, 150).Select(i =>
            writer.ExecuteAsync(new ReceiveSms($"SMpage{i:D4}", $"+1646555{i:D4}", SmsAppFactory.AgentNumber, $"Thread {i}"))));
        await OpenInboxAsync();
        await Expect(_page.GetByTestId("thread-item").First).ToBeVisibleAsync();
        var oldest = _page.Locator("[data-testid=thread-item][data-phone='+16465550000']");
        await Expect(oldest).ToHaveCountAsync(0);

        // Each scroll to the bottom renders the sentinel row, which loads the next page (InboxState.PageSize at a time).
        for (var scrolls = 0; scrolls < 20 && await oldest.CountAsync() == 0; scrolls++)
        {
            await _page.Locator(".thread-list").EvaluateAsync("el => el.scrollTop = el.scrollHeight");
            try
            {
                await oldest.WaitForAsync(new() { Timeout = 1_000 });
            }
            catch (TimeoutException)
            {
                // Not there yet: the list grew, so the bottom moved; scroll again.
            }
        }
        await Expect(oldest).ToBeVisibleAsync();
        await Expect(oldest.GetByTestId("thread-preview")).ToHaveTextAsync("Thread 0");
    }
}

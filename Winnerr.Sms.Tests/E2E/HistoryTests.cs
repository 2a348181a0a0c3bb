using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>History in Chromium against the real app: search as you type, a date filter, and a row that opens its conversation at the message.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private IPage _page = null!;
    private long _target;
    private HistorySeed.Thread _maria = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        _page = await browser.NewPageAsync(_app);
        var db = _app.Services.GetRequiredService<IDbContextFactory<SmsDbContext>>();
        var alex = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        _maria = await HistorySeed.ThreadAsync(db, alex, "+12125550147", "Maria", "Lopez", SmsAppFactory.AgentNumber);
        var tom = await HistorySeed.ThreadAsync(db, alex, "+16175550162", "Tom", "Nguyen", SmsAppFactory.AgentNumber);
        // A long thread: the text to find is 1,300 messages back from the newest.
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var texts = Enumerable.Range(0, 1_500)
            .Select(i => (Body: i == 200 ? "The zebrawood countertops are included in the offer" : $"Thread message number {i}", At: start.AddMinutes(i)))
            .ToList();
        _target = (await HistorySeed.ManyAsync(db, _maria, texts))[200];
        var noon = new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);
        await HistorySeed.ManyAsync(db, tom, [("Showing on the fifth", noon), ("Thanks for the showing", noon.AddMinutes(5)), ("Another day", noon.AddDays(2))]);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    private ILocator Rows => _page.GetByTestId("history-row");
    private ILocator Search => _page.Locator("input[data-testid=history-search]");

    private async Task OpenHistoryAsync()
    {
        await _page.SignInAsync("/phone/sms/history");
        await _page.Locator("[data-testid=history][data-ready=true]").WaitForAsync();
    }

    [Fact]
    public async Task WhenTheAgentTypesAUniqueWord_ThenExactlyItsMessageShowsHighlighted()
    {
        await OpenHistoryAsync();
        await Expect(Rows).ToHaveCountAsync(50);

        await Search.PressSequentiallyAsync("zebraw");
        await Expect(Rows).ToHaveCountAsync(1);
        var row = Rows.First;
        await Expect(row).ToHaveAttributeAsync("data-phone", "+12125550147");
        await Expect(row).ToHaveAttributeAsync("data-direction", "inbound");
        await Expect(row.Locator("mark")).ToHaveTextAsync("zebrawood");
        await Expect(_page.GetByTestId("history-total")).ToHaveTextAsync("1 text");
        await Expect(_page).ToHaveURLAsync(new Regex("/phone/sms/history\\?q=zebraw$"));

        // The box's clear button, and Esc, bring every text back.
        await _page.GetByTestId("history-search-clear").ClickAsync();
        await Expect(Rows).ToHaveCountAsync(50);
        await Expect(Search).ToHaveValueAsync("");
        await Expect(_page).ToHaveURLAsync(new Regex("/phone/sms/history$"));
        await Search.PressSequentiallyAsync("zebraw");
        await Expect(Rows).ToHaveCountAsync(1);
        await Search.PressAsync("Escape");
        await Expect(Rows).ToHaveCountAsync(50);
        await Expect(Search).ToHaveValueAsync("");
    }

    [Fact]
    public async Task WhenTheAgentPicksADay_ThenOnlyThatDaysTextsShow()
    {
        await OpenHistoryAsync();

        // Both days change before the first change's URL can come back, as on a slow link: neither may be lost.
        await _page.EvaluateAsync("""
            () => ['history-from', 'history-to'].forEach(id => {
                const input = document.querySelector(`[data-testid=${id}]`);
                input.value = '2026-10-05';
                input.dispatchEvent(new Event('change', { bubbles: true }));
            })
            """);
        await Expect(Rows).ToHaveCountAsync(2);
        await Expect(Rows.Nth(0)).ToContainTextAsync("Thanks for the showing");
        await Expect(Rows.Nth(1)).ToContainTextAsync("Showing on the fifth");
        await Expect(_page).ToHaveURLAsync(new Regex("from=2026-10-05&to=2026-10-05"));

        await _page.GetByTestId("history-direction").SelectOptionAsync("out");
        await Expect(Rows).ToHaveCountAsync(1);
        await Expect(Rows.First).ToHaveAttributeAsync("data-direction", "outbound");

        // The filter is the URL: Back undoes the last choice.
        await _page.GoBackAsync();
        await Expect(Rows).ToHaveCountAsync(2);
        await Expect(_page.GetByTestId("history-direction")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task WhenTheAgentClicksARow_ThenTheConversationOpensAtThatMessageMarked()
    {
        await OpenHistoryAsync();
        await Search.PressSequentiallyAsync("zebrawood");
        await Expect(_page).ToHaveURLAsync(new Regex("q=zebrawood$"));
        await Expect(Rows).ToHaveCountAsync(1);

        await Rows.First.GetByTestId("history-open").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex($"/phone/sms/{_maria.ConversationId}\\?message={_target}$"));
        var marked = _page.Locator("[data-testid=message][data-highlighted=true]");
        await Expect(marked).ToHaveCountAsync(1);
        await Expect(marked).ToHaveAttributeAsync("data-id", _target.ToString());
        await Expect(marked).ToContainTextAsync("zebrawood countertops");
        await Expect(marked).ToBeInViewportAsync();
        // Everything newer is there too, up to the newest message.
        await Expect(_page.Locator("[data-testid=message]").Last).ToContainTextAsync("Thread message number 1499");

        await _page.GoBackAsync();
        await Expect(Search).ToHaveValueAsync("zebrawood");
        await Expect(Rows).ToHaveCountAsync(1);
    }
}

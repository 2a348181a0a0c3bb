using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class DialerTests(BrowserFixture browser) : IAsyncLifetime
{
    // The simulator's magic number for "nobody answers" (any number ending in 555-0102).
    private const string NoAnswerPhone = "+12125550102";
    private SmsAppFactory _app = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory();
        _app.Settings["Simulator:Calls:RingMilliseconds"] = "50";
        _app.Settings["Simulator:Calls:AgentAnswerMilliseconds"] = "100";
        _app.Settings["Simulator:Calls:ContactRingMilliseconds"] = "100";
        _app.Settings["Simulator:Calls:NoAnswerMilliseconds"] = "600";
        _app.StartKestrel();
        var agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var contacts = _app.Services.GetRequiredService<ContactService>();
        await contacts.CreateAsync(agent, new ContactInput("Maria", "Lopez", NoAnswerPhone, PropertyAddress: "418 Maple Ave"));
        await contacts.CreateAsync(agent, new ContactInput("Tom", "Nguyen", "+16175550162"));
        await contacts.CreateAsync(agent, new ContactInput("Priya", "Shah", "+14155550123"));
        _page = await browser.NewPageAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    private ILocator Select(string phone) =>
        _page.Locator($"[data-testid=people-row][data-phone='{phone}']").Locator("input[data-testid=people-select], [data-testid=people-select] input").First;

    [Fact]
    public async Task WhenAgentDialsThreeFromPeople_ThenNoAnswerCallGetsAFollowUpThatIsDeliveredAndOnTheRecord()
    {
        await _page.SignInAsync("/people");
        await Select(NoAnswerPhone).CheckAsync();
        await Select("+14155550123").CheckAsync();
        await Select("+16175550162").CheckAsync();
        await _page.GetByTestId("people-dial").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex("/phone/dialer$"));
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var contact = _page.GetByTestId("dialer-contact");
        await Expect(contact).ToHaveAttributeAsync("data-phone", NoAnswerPhone);
        await Expect(contact).ToContainTextAsync("418 Maple Ave");
        await Expect(_page.GetByTestId("dialer-queue-entry")).ToHaveCountAsync(3);
        await Expect(_page.GetByTestId("dialer-keys")).ToBeVisibleAsync();

        await _page.GetByTestId("dialer-call").ClickAsync();
        var state = _page.GetByTestId("dialer-call-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "ringing");
        await Expect(state).ToHaveAttributeAsync("data-state", "no-answer");
        var noAnswer = _page.Locator("[data-testid=dialer-outcome][data-outcome=no-answer]");
        await Expect(noAnswer).ToHaveAttributeAsync("data-suggested", "true");

        await noAnswer.ClickAsync();
        await Expect(noAnswer).ToHaveAttributeAsync("data-selected", "true");
        await _page.GetByTestId("dialer-notes").FillAsync("Try again Thursday morning");
        await _page.GetByTestId("dialer-notes").BlurAsync();
        var followUp = _page.GetByTestId("dialer-followup");
        await Expect(followUp).ToHaveValueAsync(new Regex("^Sorry I missed you, Maria\\. When's a good time to talk about 418 Maple Ave\\?"));

        // A reload is a new circuit: the same session, call, outcome and notes are there.
        await _page.ReloadAsync();
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(contact).ToHaveAttributeAsync("data-phone", NoAnswerPhone);
        await Expect(_page.GetByTestId("dialer-call-state")).ToHaveAttributeAsync("data-state", "no-answer");
        await Expect(noAnswer).ToHaveAttributeAsync("data-selected", "true");
        await Expect(_page.GetByTestId("dialer-notes")).ToHaveValueAsync("Try again Thursday morning");
        await Expect(followUp).ToHaveValueAsync(new Regex("^Sorry I missed you, Maria\\."));

        await _page.GetByTestId("dialer-followup-send").ClickAsync();
        await Expect(_page.GetByTestId("dialer-followup-sent")).ToHaveAttributeAsync("data-status", "delivered");

        await _page.GetByTestId("dialer-next").ClickAsync();
        await Expect(contact).ToHaveAttributeAsync("data-phone", "+14155550123");
        await Expect(_page.GetByTestId("dialer-call-state")).ToHaveAttributeAsync("data-state", "idle");

        // The follow-up is in Maria's conversation, and the call (outcome, notes, follow-up) on her record.
        await _page.GotoAsync("/phone/sms");
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await _page.Locator($"[data-testid=thread-item][data-phone='{NoAnswerPhone}']").ClickAsync();
        await Expect(_page.Locator("[data-testid=message][data-direction=outbound]")).ToContainTextAsync("Sorry I missed you, Maria.");

        await _page.GotoAsync("/people");
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await _page.Locator($"[data-testid=people-row][data-phone='{NoAnswerPhone}'] .people-name").ClickAsync();
        var record = _page.Locator("[data-testid=timeline-entry][data-kind=call]");
        await Expect(record).ToContainTextAsync("No answer");
        await Expect(record).ToContainTextAsync("Try again Thursday morning");
        await Expect(record).ToContainTextAsync("Sorry I missed you, Maria.");
    }

    [Fact]
    public async Task WhenAgentUsesTheKeyboard_ThenNumberKeysSetTheOutcomeFSendsTheFollowUpAndNMovesOn()
    {
        var agent = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var contacts = _app.Services.GetRequiredService<ContactService>();
        // Busy (…555-0101), first in People's order.
        await contacts.CreateAsync(agent, new ContactInput("Aaron", "Busy", "+13125550101"));
        await _page.SignInAsync("/people");
        await Select("+13125550101").CheckAsync();
        await Select("+14155550123").CheckAsync();
        await _page.GetByTestId("people-dial").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/phone/dialer$"));
        await _page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(_page.GetByTestId("dialer-contact")).ToHaveAttributeAsync("data-phone", "+13125550101");
        await Expect(_page.GetByTestId("dialer-keys")).ToHaveAttributeAsync("data-ready", "true");

        await _page.Keyboard.PressAsync("c");
        await Expect(_page.GetByTestId("dialer-call-state")).ToHaveAttributeAsync("data-state", "busy");
        await Expect(_page.GetByTestId("dialer-followup")).ToHaveValueAsync(new Regex("^Hi Aaron, I tried calling"));
        await _page.Keyboard.PressAsync("4");
        await Expect(_page.Locator("[data-testid=dialer-outcome][data-outcome=busy]")).ToHaveAttributeAsync("data-selected", "true");
        await _page.Keyboard.PressAsync("f");
        await Expect(_page.GetByTestId("dialer-followup-sent")).ToHaveAttributeAsync("data-accepted", "true");
        await _page.Keyboard.PressAsync("n");
        await Expect(_page.GetByTestId("dialer-contact")).ToHaveAttributeAsync("data-phone", "+14155550123");
        await _page.Keyboard.PressAsync("n");

        var summary = _page.GetByTestId("dialer-summary");
        await Expect(summary.GetByTestId("dialer-summary-calls")).ToHaveTextAsync("1");
        await Expect(summary.GetByTestId("dialer-summary-followups")).ToHaveTextAsync("1");
    }
}

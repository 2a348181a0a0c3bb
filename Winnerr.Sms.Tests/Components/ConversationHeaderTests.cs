using Bunit;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

public class ConversationHeaderTests : InboxComponentTestBase
{
    private static readonly ContactConsentState Marketing = new(ConsentStatus.MarketingOptIn, false, null, null, null, null);

    private static ThreadSummary Maria(string name = "Maria Lopez", ContactConsentState? consent = null) =>
        new(1, 10, name, "+12125550147", "Do they allow pets?", Now.AddMinutes(-5), 0, consent?.IsOptedOut ?? false, consent ?? Marketing);

    private static ContactCard Card(string first = "Maria", string last = "Lopez", ContactConsentState? consent = null) =>
        new(10, first, last, "+12125550147", "418 Maple Ave", Now.AddDays(2).AddHours(2), "America/Chicago", ["buyer", "Oak St open house"],
            (consent ?? Marketing).Status, "web form", Now.AddDays(-3), consent ?? Marketing);

    private IRenderedComponent<ConversationHeader> Render(ThreadSummary thread, ContactCard? card) =>
        Ctx.Render<ConversationHeader>(p => p.Add(x => x.Thread, thread).Add(x => x.Contact, card));

    [Fact]
    public void WhenTheContactIsKnown_ThenTheHeaderShowsWhoTheyAreWithoutLeavingTheConversation()
    {
        var cut = Render(Maria(), Card());

        var header = cut.Find("[data-testid=conversation-header]");
        Assert.Equal("+12125550147", header.GetAttribute("data-phone"));
        var name = cut.Find("[data-testid=conversation-name]");
        Assert.Equal("Maria Lopez", name.TextContent);
        Assert.Equal("/people/10", name.GetAttribute("href"));
        Assert.Equal("(212) 555-0147", cut.Find("[data-testid=conversation-phone]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=conversation-phone-copy]"));
        Assert.Equal("Can text: marketing", cut.Find("[data-testid=consent-badge]").TextContent.Trim());
        Assert.Contains("418 Maple Ave", cut.Find("[data-testid=conversation-property]").TextContent);
        // 20:00 UTC on Nov 29 is 2 PM in Chicago (CST, UTC-6), named rather than given as an IANA id.
        Assert.Equal("Sun, Nov 29 at 2:00 PM Central Time", cut.Find("[data-testid=conversation-showing]").TextContent.Trim());
        Assert.Equal(["buyer", "Oak St open house"], cut.FindAll("[data-testid=conversation-tag]").Select(t => t.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=conversation-name-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=opted-out]"));
    }

    [Fact]
    public void WhenTheShowingHasPassed_ThenItSaysSo()
    {
        var cut = Render(Maria(), Card() with { ShowingAt = Now.AddDays(-1), TimeZone = null });

        // No zone of their own: the agent's (UTC in this test), unnamed.
        Assert.Equal("Thu, Nov 26 at 6:00 PM (past)", cut.Find("[data-testid=conversation-showing]").TextContent.Trim());
    }

    [Fact]
    public void WhenTheNumberIsUnnamed_ThenTheHeaderShowsItFormattedAndOffersToNameIt()
    {
        var cut = Render(Maria(name: "+12125550147"), Card(first: "", last: "") with { Tags = [], PropertyAddress = null, ShowingAt = null });

        Assert.Equal("(212) 555-0147", cut.Find("[data-testid=conversation-name]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=conversation-phone]"));
        Assert.Single(cut.FindAll("[data-testid=conversation-phone-copy]"));
        Assert.Empty(cut.FindAll("[data-testid=conversation-property], [data-testid=conversation-showing], [data-testid=conversation-tags]"));

        cut.Find("[data-testid=conversation-name-edit]").Click();

        Assert.Single(cut.FindAll("input[data-testid=conversation-first-name], [data-testid=conversation-first-name] input"));
        Assert.Single(cut.FindAll("input[data-testid=conversation-last-name], [data-testid=conversation-last-name] input"));
        Assert.Single(cut.FindAll("[data-testid=conversation-name-save]"));
        cut.Find("[data-testid=conversation-name-cancel]").Click();
        Assert.Equal("(212) 555-0147", cut.Find("[data-testid=conversation-name]").TextContent);
    }

    [Fact]
    public void WhenTheContactTextedStop_ThenTheHeaderShowsTheOptOutAsOnTheProfile()
    {
        var stopped = new ContactConsentState(ConsentStatus.OptedOut, true, "STOP", Now.AddDays(-1), Now.AddDays(-1), null);

        var cut = Render(Maria(consent: stopped), Card(consent: stopped) with { ConsentSource = "keyword STOP", ConsentAt = new DateTimeOffset(2026, 11, 26, 15, 2, 0, TimeSpan.Zero) });

        Assert.Equal("Opted out via STOP on Nov 26", cut.Find("[data-testid=consent-badge]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=opted-out]"));
        Assert.Equal("Texted STOP: blocked until they text START", cut.Find("[data-testid=conversation-consent]").TextContent.Trim());
    }

    [Fact]
    public void WhenTheContactIsStillLoading_ThenTheHeaderShowsWhatTheThreadKnows()
    {
        var cut = Render(Maria(), null);

        Assert.Equal("Maria Lopez", cut.Find("[data-testid=conversation-name]").TextContent);
        Assert.Equal("(212) 555-0147", cut.Find("[data-testid=conversation-phone]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=consent-badge]"));
    }

    [Fact]
    public void WhenCopyIsClicked_ThenTheNumberGoesToTheClipboardThroughTheModule()
    {
        var module = Ctx.JSInterop.SetupModule("./js/clipboard.js");
        module.SetupVoid("copyText", "+12125550147").SetVoidResult();
        var cut = Render(Maria(), Card());

        cut.Find("[data-testid=conversation-phone-copy]").Click();

        cut.WaitForAssertion(() => module.VerifyInvoke("copyText"));
    }
}

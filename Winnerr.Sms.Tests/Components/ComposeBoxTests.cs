using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

public class ComposeBoxTests : MudTestBase
{
    private readonly List<string> _sent = [];
    /// <summary>What the page answers the box; null means the text was queued.</summary>
    private string? _refusal;

    private Task<string?> Record(Winnerr.Sms.App.Components.Inbox.ComposeSend send)
    {
        _sent.Add(send.Body);
        return Task.FromResult(_refusal);
    }

    private IRenderedComponent<ComposeBox> RenderCompose() =>
        Ctx.Render<ComposeBox>(p => p.Add(x => x.OnSend, Record));

    [Fact]
    public void WhenEnterIsPressed_ThenTheTextIsSentAndTheBoxClears()
    {
        var cut = RenderCompose();
        var input = cut.Find("textarea[data-testid=compose-input]");

        input.Input("See you at 2 PM");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["See you at 2 PM"], _sent);
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("textarea[data-testid=compose-input]").GetAttribute("value") ?? ""));
    }

    [Fact]
    public void WhenShiftEnterIsPressed_ThenNothingIsSent()
    {
        var cut = RenderCompose();
        var input = cut.Find("textarea[data-testid=compose-input]");

        input.Input("Line one");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });

        Assert.Empty(_sent);
    }

    [Fact]
    public void WhenTextIsOnlyWhitespace_ThenEnterSendsNothingAndSendIsDisabled()
    {
        var cut = RenderCompose();
        var input = cut.Find("textarea[data-testid=compose-input]");

        input.Input("   ");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(_sent);
        Assert.True(cut.Find("[data-testid=compose-send]").HasAttribute("disabled"));
    }

    [Fact]
    public void WhenSendIsClicked_ThenMultiLineTextIsSentAsTyped()
    {
        var cut = RenderCompose();

        cut.Find("textarea[data-testid=compose-input]").Input("Line one\nLine two");
        cut.Find("[data-testid=compose-send]").Click();

        Assert.Equal(["Line one\nLine two"], _sent);
    }

    [Fact]
    public void WhenTheTextIsTooLongForTwilio_ThenEnterKeepsItAndSaysWhy()
    {
        var cut = RenderCompose();
        var longText = new string('a', 1601);

        cut.Find("textarea[data-testid=compose-input]").Input(longText);
        cut.Find("textarea[data-testid=compose-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(_sent);
        Assert.Contains("1,601 / 1,600 characters", cut.Find("[data-testid=compose-hint]").TextContent);
        Assert.True(cut.Find("[data-testid=compose-send]").HasAttribute("disabled"));
    }

    [Fact]
    public void WhenSendingIsNotAllowed_ThenTheBoxIsDisabledWithTheReason()
    {
        var cut = Ctx.Render<ComposeBox>(p => p
            .Add(x => x.OnSend, Record)
            .Add(x => x.DisabledReason, "Maria opted out. You can text them again after they reply START."));

        Assert.True(cut.Find("textarea[data-testid=compose-input]").HasAttribute("disabled"));
        Assert.Contains("reply START", cut.Find("[data-testid=compose-hint]").TextContent);
        cut.Find("[data-testid=compose-send]").Click();
        Assert.Empty(_sent);
    }

    [Fact]
    public void WhenTheServerRefusesTheText_ThenItStaysInTheBoxWithTheReason()
    {
        _refusal = "Maria Lopez texted STOP on Nov 24. Texts from your number are blocked until they text START.";
        var cut = RenderCompose();

        cut.Find("textarea[data-testid=compose-input]").Input("Still interested in 418 Maple?");
        cut.Find("textarea[data-testid=compose-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["Still interested in 418 Maple?"], _sent);
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Still interested in 418 Maple?", cut.Find("textarea[data-testid=compose-input]").GetAttribute("value"));
            Assert.Contains("blocked until they text START", cut.Find("[data-testid=compose-error]").TextContent);
        });
    }

    [Fact]
    public void WhenSendLaterIsChosen_ThenTheTextGoesWithTheChosenTime()
    {
        DateTimeOffset? sendAt = null;
        var cut = Ctx.Render<ComposeBox>(p => p.Add(x => x.OnSend, send =>
        {
            _sent.Add(send.Body);
            sendAt = send.SendAt;
            return Task.FromResult<string?>(null);
        }));

        cut.Find("textarea[data-testid=compose-input]").Input("Reminder: showing tomorrow at 2");
        cut.Find("[data-testid=compose-schedule]").Click();
        cut.Find("[data-testid=compose-schedule-at]").Input("2030-06-01T09:30");
        cut.Find("[data-testid=compose-schedule-send]").Click();

        Assert.Equal(["Reminder: showing tomorrow at 2"], _sent);
        // The cascaded zone is UTC in this test: 09:30 on the wall clock is 09:30Z.
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 9, 30, 0, TimeSpan.Zero), sendAt);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=compose-schedule-panel]")));
    }
}

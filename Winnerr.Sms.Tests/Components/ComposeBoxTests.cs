using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

public class ComposeBoxTests : MudTestBase
{
    private readonly List<string> _sent = [];

    private IRenderedComponent<ComposeBox> RenderCompose() =>
        Ctx.Render<ComposeBox>(p => p.Add(x => x.OnSend, (string body) => _sent.Add(body)));

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
            .Add(x => x.OnSend, (string body) => _sent.Add(body))
            .Add(x => x.DisabledReason, "Maria opted out. You can text them again after they reply START."));

        Assert.True(cut.Find("textarea[data-testid=compose-input]").HasAttribute("disabled"));
        Assert.Contains("reply START", cut.Find("[data-testid=compose-hint]").TextContent);
        cut.Find("[data-testid=compose-send]").Click();
        Assert.Empty(_sent);
    }
}

using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>A conversation's unsent text survives leaving it; the dialogs that share the box keep none.</summary>
public class ComposeBoxDraftTests : MudTestBase
{
    private const long ConversationId = 5;
    private static readonly TimeSpan PastTheDebounce = TimeSpan.FromSeconds(3);

    private IRenderedComponent<ComposeBox> Render(long? draftFor = ConversationId, Func<ComposeSend, Task<string?>>? send = null) =>
        Ctx.Render<ComposeBox>(p => p
            .Add(x => x.OnSend, send ?? (_ => Task.FromResult<string?>(null)))
            .Add(x => x.DraftConversationId, draftFor));

    private static string Value(IRenderedComponent<ComposeBox> cut) => cut.Find("textarea[data-testid=compose-input]").GetAttribute("value") ?? "";
    private static string? DraftState(IRenderedComponent<ComposeBox> cut) => cut.Find(".compose").GetAttribute("data-draft");

    [Fact]
    public void WhenTheConversationHasADraft_ThenTheBoxOpensWithIt()
    {
        Drafts[ConversationId] = "Saturday at 2 works, or";

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal("Saturday at 2 works, or", Value(cut)));
        Assert.Equal("saved", DraftState(cut));
        Assert.Empty(Drafts.Saves);
    }

    [Fact]
    public void WhenTheAgentPausesTyping_ThenTheDraftIsSavedOnceWithTheLastText()
    {
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal("saved", DraftState(cut)));
        var input = cut.Find("textarea[data-testid=compose-input]");

        input.Input("S");
        input.Input("Sa");
        input.Input("Sat at 2?");
        Assert.Equal("pending", DraftState(cut));

        cut.WaitForAssertion(() => Assert.Equal("saved", DraftState(cut)), PastTheDebounce);
        Assert.Equal([(ConversationId, (string?)"Sat at 2?")], Drafts.Saves);
    }

    [Fact]
    public void WhenTheTextIsSent_ThenTheDraftIsCleared()
    {
        Drafts[ConversationId] = "See you there!";
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal("See you there!", Value(cut)));

        cut.Find("textarea[data-testid=compose-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Null(Drafts[ConversationId]));
        Assert.Equal((ConversationId, (string?)null), Drafts.Saves[^1]);
    }

    [Fact]
    public void WhenTheSendIsRefused_ThenTheTextStaysTheDraft()
    {
        Drafts[ConversationId] = "Still interested?";
        var cut = Render(send: _ => Task.FromResult<string?>("Maria texted STOP."));
        cut.WaitForAssertion(() => Assert.Equal("Still interested?", Value(cut)));

        cut.Find("textarea[data-testid=compose-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Equal("Still interested?", Value(cut)));
        Assert.Equal("Still interested?", Drafts[ConversationId]);
        cut.WaitForAssertion(() => Assert.Equal("saved", DraftState(cut)), PastTheDebounce);
        Assert.Equal("Still interested?", Drafts[ConversationId]);
    }

    [Fact]
    public async Task WhenTheConversationIsLeftBeforeThePause_ThenWhatWasTypedIsKept()
    {
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal("saved", DraftState(cut)));

        cut.Find("textarea[data-testid=compose-input]").Input("Half a thought");
        await Ctx.DisposeComponentsAsync();

        Assert.Equal("Half a thought", Drafts[ConversationId]);
        Assert.Single(Drafts.Saves);
    }

    [Fact]
    public async Task WhenNoConversationIsGiven_ThenTheBoxKeepsNoDraft()
    {
        Drafts[ConversationId] = "someone else's draft";
        var cut = Render(draftFor: null);

        cut.Find("textarea[data-testid=compose-input]").Input("Hi Priya");
        Assert.Null(DraftState(cut));
        await Ctx.DisposeComponentsAsync();

        Assert.Equal(0, Drafts.Loads);
        Assert.Empty(Drafts.Saves);
    }
}

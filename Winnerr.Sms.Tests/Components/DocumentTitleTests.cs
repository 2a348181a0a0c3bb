using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Winnerr.Sms.App.Components.Layout;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The tab's title: into the static HeadOutlet while prerendering, set in the browser once interactive, only when it changes.</summary>
public class DocumentTitleTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    [Fact]
    public void WhilePrerendering_ThenTheTitleIsPageTitleContentAndNoScriptIsCalled()
    {
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var title = _ctx.Render<DocumentTitle>(p => p.Add(x => x.Text, "People · Winnerr SMS"));

        var page = title.FindComponent<PageTitle>();
        Assert.Equal("People · Winnerr SMS", page.Instance.ChildContent is { } content ? _ctx.Render(content).Markup : null);
        Assert.Empty(_ctx.JSInterop.Invocations);
    }

    [Fact]
    public void WhenInteractive_ThenTheBrowserIsToldOnlyWhenTheTextChanges()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var set = _ctx.JSInterop.SetupVoid("winnerrPageTitle.set", _ => true);

        var title = _ctx.Render<DocumentTitle>(p => p.Add(x => x.Text, "Inbox · Winnerr SMS"));
        Assert.Empty(title.FindComponents<PageTitle>());
        title.Render(p => p.Add(x => x.Text, "Inbox · Winnerr SMS"));
        title.Render(p => p.Add(x => x.Text, "(2) Inbox · Winnerr SMS"));

        Assert.Equal(["Inbox · Winnerr SMS", "(2) Inbox · Winnerr SMS"], set.Invocations.Select(i => (string)i.Arguments[0]!));
    }

    [Fact]
    public void WhenTheScriptIsNotThereYet_ThenThePageKeepsWorkingAndTriesAgainAtTheNextRender()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var set = _ctx.JSInterop.SetupVoid("winnerrPageTitle.set", _ => true);
        set.SetException(new Microsoft.JSInterop.JSException("winnerrPageTitle is not defined"));

        var title = _ctx.Render<DocumentTitle>(p => p.Add(x => x.Text, "Inbox · Winnerr SMS"));
        title.Render(p => p.Add(x => x.Text, "Inbox · Winnerr SMS"));

        Assert.Equal(2, set.Invocations.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}

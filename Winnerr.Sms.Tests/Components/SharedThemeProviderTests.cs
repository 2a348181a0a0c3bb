using Bunit;
using MudBlazor;
using Winnerr.Sms.App.Components.Layout;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The shared theme provider (one copy of the theme's CSS for every circuit) renders exactly what MudBlazor's renders.</summary>
public class SharedThemeProviderTests : MudTestBase
{
    private static readonly MudTheme Theme = new() { PaletteLight = new PaletteLight { Primary = "#1f4e79" } };

    [Fact]
    public void ItRendersExactlyWhatMudBlazorsProviderRenders()
    {
        var stock = Ctx.Render<MudThemeProvider>(p => p.Add(x => x.Theme, Theme));
        var shared = Ctx.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, Theme));

        Assert.Contains("--mud-palette-primary: rgba(31,78,121,1);", shared.Markup);
        shared.MarkupMatches(stock.Markup);
    }

    [Fact]
    public void TwoProvidersHoldOneDefaultThemeBetweenThem()
    {
        var first = Ctx.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, Theme));
        var second = Ctx.Render<SharedThemeProvider>(p => p.Add(x => x.Theme, Theme));

        // Null would mean MudBlazor moved its field: the sharing is off and this test says so.
        Assert.NotNull(first.Instance.HeldDefaultTheme);
        Assert.Same(first.Instance.HeldDefaultTheme, second.Instance.HeldDefaultTheme);
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Winnerr.Sms.App.Components.Account;
using Winnerr.Sms.App.Components.Layout;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

/// <summary>The navigation and account menu, drawn as MudBlazor's markup without its components.</summary>
public class NavMenuTests : MudTestBase
{
    private string[] ActiveLinks(IRenderedComponent<NavMenu> cut) =>
        cut.FindAll("a.mud-nav-link.active").Select(a => a.GetAttribute("href")!).ToArray();

    [Theory]
    [InlineData("/phone/sms", "/phone/sms")]
    [InlineData("/phone/sms/42?message=7", "/phone/sms")]
    [InlineData("/phone/sms/history?q=pets", "/phone/sms/history")]
    [InlineData("/phone/sms/campaigns/12", "/phone/sms/campaigns")]
    [InlineData("/people/5", "/people")]
    [InlineData("/peoplex", null)]
    public async Task WhenThePageIs_ThenOnlyItsSectionIsActive(string page, string? active)
    {
        await InitializeStoreAsync();
        Ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(page);

        var cut = Ctx.Render<NavMenu>(p => p.Add(x => x.IsAdmin, true));

        Assert.Equal(active is null ? [] : [active], ActiveLinks(cut));
        Assert.All(cut.FindAll("a.mud-nav-link.active"), a => Assert.Equal("page", a.GetAttribute("aria-current")));
    }

    [Fact]
    public async Task WhenTheAgentNavigates_ThenTheActiveLinkFollows()
    {
        await InitializeStoreAsync();
        var navigation = Ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/phone/sms");
        var cut = Ctx.Render<NavMenu>();

        navigation.NavigateTo("/people");

        cut.WaitForAssertion(() => Assert.Equal(["/people"], ActiveLinks(cut)));
    }

    [Fact]
    public async Task WhenTheAgentIsNotAnAdminAndThereIsNoSimulator_ThenThoseLinksAreNotShown()
    {
        await InitializeStoreAsync();

        var cut = Ctx.Render<NavMenu>(p => p.Add(x => x.IsAdmin, false).Add(x => x.ShowSimulator, false));

        var links = cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(["/phone/sms", "/phone/sms/history", "/phone/sms/templates", "/phone/sms/campaigns", "/people", "/phone/dialer"], links);
        Assert.All(cut.FindAll("a.mud-nav-link svg.mud-icon-root"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void WhenTheAccountMenuOpens_ThenSignOutEverywhereIsAFormPostAndEscapeClosesIt()
    {
        var cut = Ctx.Render<AccountMenu>();
        Assert.Empty(cut.FindAll("[data-testid=sign-out-everywhere]"));
        Assert.Equal("false", cut.Find("[data-testid=account-menu]").GetAttribute("aria-expanded"));

        cut.Find("[data-testid=account-menu]").Click();

        var item = cut.Find("[data-testid=sign-out-everywhere]");
        Assert.Equal("submit", item.GetAttribute("type"));
        Assert.Equal("/logout/everywhere", item.Closest("form")!.GetAttribute("action"));
        foreach (var form in cut.FindAll("form"))
            Assert.Equal(TestAntiforgery.Value, form.QuerySelector($"input[type=hidden][name={TestAntiforgery.FieldName}]")?.GetAttribute("value"));
        Assert.Equal(2, cut.FindAll("form").Count);
        Assert.Equal("true", cut.Find("[data-testid=account-menu]").GetAttribute("aria-expanded"));

        cut.Find("[role=menu]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[data-testid=sign-out-everywhere]"));
    }
}

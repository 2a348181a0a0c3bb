using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Winnerr.Sms.App.Components.Inbox;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Core.Templates;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Components;

public class TemplatePickerTests : MudTestBase
{
    private readonly List<string> _sent = [];

    private Task<string?> Record(Winnerr.Sms.App.Components.Inbox.ComposeSend send)
    {
        _sent.Add(send.Body);
        return Task.FromResult<string?>(null);
    }

    private async Task<long> SeedAsync(string? propertyAddress)
    {
        await using var db = await Db.CreateDbContextAsync();
        var maria = new Contact { AgentId = AgentId, FirstName = "Maria", LastName = "Lopez", Phone = "+12125550147", PropertyAddress = propertyAddress };
        db.Contacts.Add(maria);
        db.Templates.Add(new MessageTemplate { AgentId = AgentId, Name = "Showing confirmation", Body = "Hi {{first_name}}, see you at {{property_address}}. – {{agent_name}}" });
        await db.SaveChangesAsync();
        return maria.Id;
    }

    private IRenderedComponent<IComponent> RenderCompose(long contactId) => Ctx.Render(b =>
    {
        b.OpenComponent<MudDialogProvider>(0);
        b.CloseComponent();
        b.OpenComponent<ComposeBox>(1);
        b.AddAttribute(2, nameof(ComposeBox.OnSend), (Func<Winnerr.Sms.App.Components.Inbox.ComposeSend, Task<string?>>)Record);
        b.AddAttribute(3, nameof(ComposeBox.ContactId), (long?)contactId);
        b.CloseComponent();
    });

    [Fact]
    public async Task WhenAgentPicksATemplate_ThenTheComposeBoxHoldsItPersonalisedForTheContact()
    {
        var maria = await SeedAsync("418 Maple Ave");
        await InitializeStoreAsync();
        var cut = RenderCompose(maria);

        // Not awaited: the handler waits for the picker dialog to close.
        _ = cut.Find("[data-testid=template-picker]").ClickAsync();
        cut.WaitForElement("[data-testid=template-item][data-name='Showing confirmation']");
        // The list previews each template as this contact would get it, not with raw tokens.
        cut.WaitForAssertion(() => Assert.Equal("Hi Maria, see you at 418 Maple Ave. – Alex Morgan",
            cut.Find("[data-testid=template-preview]").TextContent));
        await cut.Find("[data-testid=template-item] .template-item__pick").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal("Hi Maria, see you at 418 Maple Ave. – Alex Morgan",
            cut.Find("textarea[data-testid=compose-input]").GetAttribute("value")));
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task WhenAgentUsesATemplatesSendButton_ThenItIsSentInTwoClicks()
    {
        var maria = await SeedAsync("418 Maple Ave");
        await InitializeStoreAsync();
        var cut = RenderCompose(maria);

        // Not awaited: the handler waits for the picker dialog to close.
        _ = cut.Find("[data-testid=template-picker]").ClickAsync();
        cut.WaitForElement("[data-testid=template-send]");
        await cut.Find("[data-testid=template-send]").ClickAsync();

        cut.WaitForAssertion(() => Assert.Equal(["Hi Maria, see you at 418 Maple Ave. – Alex Morgan"], _sent));
    }

    [Fact]
    public async Task WhenTheContactLacksAValue_ThenNothingIsFilledAndTheTokenAndContactAreNamed()
    {
        var maria = await SeedAsync(propertyAddress: null);
        await InitializeStoreAsync();
        var cut = RenderCompose(maria);

        // Not awaited: the handler waits for the picker dialog to close.
        _ = cut.Find("[data-testid=template-picker]").ClickAsync();
        cut.WaitForElement("[data-testid=template-send]");
        await cut.Find("[data-testid=template-send]").ClickAsync();

        cut.WaitForAssertion(() => Assert.Contains("Maria Lopez has no value for {{property_address}}", cut.Find("[data-testid=template-error]").TextContent));
        Assert.Empty(_sent);
        Assert.Equal("", cut.Find("textarea[data-testid=compose-input]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task WhenTextChanges_ThenTheSegmentCounterFollowsAndOffersPlainCharacters()
    {
        await InitializeStoreAsync();
        var cut = Ctx.Render<ComposeBox>(p => p.Add(x => x.OnSend, Record));
        var input = cut.Find("textarea[data-testid=compose-input]");

        input.Input("See you at 2");
        var counter = cut.Find("[data-testid=segment-counter]");
        Assert.Equal(("GSM-7", "1"), (counter.GetAttribute("data-encoding"), counter.GetAttribute("data-segments")));

        cut.Find("textarea[data-testid=compose-input]").Input(new string('a', 161));
        Assert.Equal("2", cut.Find("[data-testid=segment-counter]").GetAttribute("data-segments"));

        cut.Find("textarea[data-testid=compose-input]").Input("It’s “ready” — see you");
        Assert.Equal("UCS-2", cut.Find("[data-testid=segment-counter]").GetAttribute("data-encoding"));
        Assert.Contains("’", cut.Find("[data-testid=segment-offenders]").TextContent);

        await cut.Find("[data-testid=segment-swap]").ClickAsync();
        cut.WaitForAssertion(() => Assert.Equal("It's \"ready\" - see you", cut.Find("textarea[data-testid=compose-input]").GetAttribute("value")));
        Assert.Equal("GSM-7", cut.Find("[data-testid=segment-counter]").GetAttribute("data-encoding"));
    }
}

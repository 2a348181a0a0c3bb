using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Contacts;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

/// <summary>From People to delivered: select, Send SMS, read the plan, confirm, watch progress, find each text in its thread.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CampaignFlowTests(BrowserFixture browser) : IAsyncLifetime
{
    private SmsAppFactory _app = null!;
    private IPage _page = null!;

    private const string OptedOut = "+12125550101", NoConsent = "+12125550102";
    private static readonly string[] Consenting = ["+12125550103", "+12125550104", "+12125550105"];

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        _page = await browser.NewPageAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        var now = DateTimeOffset.UtcNow;
        var zone = Daytime.Zone();
        Contact Person(string phone, string first, ConsentStatus consent) => new()
        {
            AgentId = agentId, Phone = phone, FirstName = first, LastName = "Buyer", TimeZone = zone, CreatedAt = now,
            Consent = consent, ConsentSource = "web form", ConsentAt = now.AddDays(-10),
        };
        await using var db = await _app.DbAsync();
        var stopped = Person(OptedOut, "Olive", ConsentStatus.OptedOut);
        (stopped.IsOptedOut, stopped.OptOutKeyword, stopped.OptOutAt) = (true, "STOP", now.AddDays(-2));
        db.Contacts.AddRange(stopped, Person(NoConsent, "Nina", ConsentStatus.TransactionalOnly),
            Person(Consenting[0], "Cara", ConsentStatus.MarketingOptIn), Person(Consenting[1], "Dev", ConsentStatus.MarketingOptIn),
            Person(Consenting[2], "Eli", ConsentStatus.MarketingOptIn));
        await db.SaveChangesAsync();
    }

    /// <summary>What the page and the database showed when a step never came (kept in the temp folder).</summary>
    private async Task KeepFailureAsync(string step)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"campaign-flow-{step}-failure");
        await _page.ScreenshotAsync(new() { Path = prefix + ".png", FullPage = true });
        await using var db = await _app.DbAsync();
        var state = $"url {_page.Url}; audiences {await db.CampaignAudiences.CountAsync()}; campaigns {await db.Campaigns.CountAsync()}";
        await File.WriteAllTextAsync(prefix + ".html", state + "\n" + await _page.ContentAsync());
        Console.Error.WriteLine($"campaign flow: {step} never came; {state}");
    }

    private ILocator PlanRow(string phone) => _page.Locator($"[data-testid=bulk-plan-row][data-phone='{phone}']");

    [Fact]
    public async Task FromPeople_SelectSendSmsPlanConfirm_ThenEachConsentingContactGetsTheirTextLive()
    {
        await SeedAsync();
        await _page.SignInAsync("/people");

        await _page.Locator("input[data-testid=people-select-page], [data-testid=people-select-page] input").First.CheckAsync();
        await Expect(_page.GetByTestId("people-selection")).ToContainTextAsync("5 selected");
        await _page.GetByTestId("people-send-sms").ClickAsync();
        try
        {
            await _page.GetByTestId("bulk-audience").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await KeepFailureAsync("composer");
            throw;
        }

        // The circuit navigates (no page load): wait for the address, then for the composer itself.
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/phone/sms/campaigns/new\?audience=\w+$"));
        await Expect(_page.GetByTestId("bulk-audience")).ToContainTextAsync("5 contacts");
        await _page.Locator("[data-testid=bulk-name] input, input[data-testid=bulk-name]").First.FillAsync("Open house Sunday");
        await _page.Locator("[data-testid=bulk-body] textarea, textarea[data-testid=bulk-body]").First
            .FillAsync("Hi {{first_name}}, open house at 418 Maple this Sunday 1-3!");

        var totals = _page.GetByTestId("bulk-plan-totals");
        await Expect(totals).ToHaveAttributeAsync("data-send", "3");
        await Expect(totals).ToHaveAttributeAsync("data-skipped", "2");
        await Expect(PlanRow(OptedOut)).ToHaveAttributeAsync("data-verdict", "skip");
        await Expect(PlanRow(OptedOut)).ToHaveAttributeAsync("data-reason", "opted-out");
        await Expect(PlanRow(NoConsent)).ToHaveAttributeAsync("data-verdict", "skip");
        await Expect(PlanRow(NoConsent)).ToHaveAttributeAsync("data-reason", "no-consent");
        foreach (var phone in Consenting) await Expect(PlanRow(phone)).ToHaveAttributeAsync("data-verdict", "send");
        // The first marketing text says who is texting and how to stop.
        await Expect(PlanRow(Consenting[0])).ToContainTextAsync("Hi Cara, open house at 418 Maple this Sunday 1-3! - Alex Morgan. Reply STOP to opt out.");

        await _page.GetByTestId("bulk-confirm").ClickAsync();
        try
        {
            await _page.GetByTestId("campaign-progress").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await KeepFailureAsync("confirm");
            throw;
        }
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/phone/sms/campaigns/\d+$"));
        var progress = _page.GetByTestId("campaign-progress");
        await Expect(progress).ToHaveAttributeAsync("data-total", "5");
        await Expect(progress).ToHaveAttributeAsync("data-delivered", "3");
        await Expect(progress).ToHaveAttributeAsync("data-sent", "3");
        await Expect(progress).ToHaveAttributeAsync("data-skipped", "2");
        await Expect(_page.Locator($"[data-testid=campaign-recipient][data-phone='{OptedOut}']")).ToHaveAttributeAsync("data-state", "skipped");

        foreach (var (phone, first) in Consenting.Zip(new[] { "Cara", "Dev", "Eli" }))
        {
            await _page.Locator($"[data-testid=campaign-recipient][data-phone='{phone}'] a").ClickAsync();
            await Expect(_page.Locator("[data-testid=message][data-direction=outbound]"))
                .ToContainTextAsync($"Hi {first}, open house at 418 Maple this Sunday 1-3!");
            await Expect(_page.GetByTestId("message-campaign")).ToBeVisibleAsync();
            await _page.GoBackAsync();
            await Expect(_page.GetByTestId("campaign-progress")).ToHaveAttributeAsync("data-delivered", "3");
        }
        await using var db = await _app.DbAsync();
        Assert.Equal(3, await db.SimulatedProviderMessages.CountAsync());
    }
}

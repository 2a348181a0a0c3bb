using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Core.Outbox;
using Winnerr.Sms.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Winnerr.Sms.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SendPipelineTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>
    /// Not UTC, so a schedule read in the wrong zone lands hours off (in the past, refused) instead of
    /// passing by accident. The browser reports it through the tz cookie, as an agent's browser would.
    /// </summary>
    private const string BrowserZone = "America/New_York";

    private SmsAppFactory _app = null!;
    private HttpClient _client = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = new SmsAppFactory().StartKestrel();
        _client = new HttpClient { BaseAddress = _app.BaseAddress };
        // BrowserFixture.NewPageAsync, plus a known time zone.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            TimezoneId = BrowserZone,
        });
        context.SetDefaultTimeout(15_000);
        _page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _page.Context.DisposeAsync();
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task TextInAsync(string from, string body)
    {
        using var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm(from, body)));
        response.EnsureSuccessStatusCode();
    }

    private ILocator Thread(string phone) => _page.Locator($"[data-testid=thread-item][data-phone='{phone}']");

    private ILocator Outbound => _page.Locator("[data-testid=message][data-direction=outbound]");

    [Fact]
    public async Task WhenAgentTextsANumberThatTextedStop_ThenNewMessageShowsWhyAndSendsNothing()
    {
        await TextInAsync("+12125550147", "STOP");
        await _page.SignInAsync("/phone/sms");

        await _page.GetByTestId("new-message").ClickAsync();
        await _page.Locator("[data-testid=contact-search] input, input[data-testid=contact-search]").First.FillAsync("+12125550147");
        await _page.Locator("[data-testid=contact-option][data-phone='+12125550147']").First.ClickAsync();
        var body = _page.Locator("#new-message-input");
        await body.FillAsync("Hi, the open house moved to Sunday.");
        await body.PressAsync("Enter");

        await Expect(_page.GetByTestId("compose-error")).ToContainTextAsync("blocked until they text START");
        await Expect(_page.GetByTestId("new-message-error")).ToContainTextAsync("blocked until they text START");
        await Expect(body).ToHaveValueAsync("Hi, the open house moved to Sunday.");
        await Expect(_page.GetByTestId("new-message-dialog")).ToBeVisibleAsync();

        await using var db = await _app.DbAsync();
        Assert.False(await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound));
        Assert.False(await db.Outbox.AnyAsync());
        Assert.False(await db.SimulatedProviderMessages.AnyAsync());
    }

    [Fact]
    public async Task WhenAContactAsksToStopInTheirOwnWords_ThenTheFlagShowsLiveAndConfirmOptsThemOut()
    {
        await TextInAsync("+13125550190", "Hi, is 418 Maple still available?");
        await _page.SignInAsync("/phone/sms");
        await Thread("+13125550190").ClickAsync();
        await Expect(_page.Locator("[data-testid=message][data-direction=inbound]")).ToHaveCountAsync(1);
        await Expect(_page.GetByTestId("revocation-flag")).ToHaveCountAsync(0);
        await _page.EvaluateAsync("() => window.__sameDocument = true");

        await TextInAsync("+13125550190", "please stop texting me");

        var flag = _page.GetByTestId("revocation-flag");
        await Expect(flag).ToBeVisibleAsync();
        await Expect(flag.GetByTestId("revocation-deadline")).ToHaveTextAsync(new Regex(@"\S"));
        await flag.GetByTestId("revocation-confirm").ClickAsync();

        await Expect(flag).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("conversation-consent")).ToContainTextAsync("Opted out");
        var confirmation = Outbound.Filter(new() { HasTextRegex = new Regex("^You're opted out") });
        await Expect(confirmation).ToHaveCountAsync(1);
        await Expect(confirmation).ToHaveAttributeAsync("data-status", "delivered");
        await Expect(Outbound).ToHaveCountAsync(1);
        Assert.True(await _page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        await using var db = await _app.DbAsync();
        var contact = await db.Contacts.SingleAsync(c => c.Phone == "+13125550190");
        Assert.True(contact.IsOptedOut);
        Assert.Equal("revoked in own words", contact.ConsentSource);
        Assert.Null(contact.RevocationFlaggedAt);
        var sent = Assert.Single(await db.SimulatedProviderMessages.ToListAsync());
        Assert.StartsWith("You're opted out", sent.Body);
        Assert.Equal("+13125550190", sent.To);
    }

    [Fact]
    public async Task WhenAgentSendsLater_ThenTheTextShowsScheduledAndGoesOutWhenDue_AndACanceledOneNeverGoes()
    {
        await TextInAsync("+12125550147", "Can you send me the disclosures?");
        await _page.SignInAsync("/phone/sms");
        await Thread("+12125550147").ClickAsync();
        var input = _page.GetByTestId("compose-input");
        await Expect(input).ToBeVisibleAsync();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(BrowserZone);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).AddMinutes(2);
        local = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        var expectedStatus = $"Scheduled for {local:ddd, MMM d, yyyy 'at' h:mm tt}";

        async Task<ILocator> ScheduleAsync(string text)
        {
            await input.FillAsync(text);
            await _page.GetByTestId("compose-schedule").ClickAsync();
            await _page.GetByTestId("compose-schedule-at").FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm"));
            await _page.GetByTestId("compose-schedule-send").ClickAsync();
            var message = Outbound.Filter(new() { HasText = text });
            await Expect(message).ToHaveAttributeAsync("data-status", "scheduled");
            await Expect(message.GetByTestId("message-status")).ToContainTextAsync(expectedStatus);
            await Expect(input).ToHaveValueAsync("");
            return message;
        }

        var disclosures = await ScheduleAsync("Here are the disclosures for 418 Maple.");
        var reminder = await ScheduleAsync("Reminder: inspection tomorrow at 9.");

        await reminder.GetByTestId("message-cancel").ClickAsync();
        await Expect(reminder).ToHaveAttributeAsync("data-status", "canceled");
        await Expect(reminder.GetByTestId("message-cancel")).ToHaveCountAsync(0);
        await Expect(disclosures).ToHaveAttributeAsync("data-status", "scheduled");

        // Two real minutes is too long a wait: make the row due now and wake the dispatcher, as its own timer would.
        long disclosuresId;
        await using (var db = await _app.DbAsync())
        {
            disclosuresId = await db.Messages.Where(m => m.Body == "Here are the disclosures for 418 Maple.").Select(m => m.Id).SingleAsync();
            var row = await db.Outbox.SingleAsync(o => o.MessageId == disclosuresId);
            Assert.Equal(local, row.DueAt);
            row.DueAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }
        _app.Services.GetRequiredService<OutboxSignal>().Notify();

        await Expect(disclosures).ToHaveAttributeAsync("data-status", "delivered");
        await Expect(reminder).ToHaveAttributeAsync("data-status", "canceled");

        await using var check = await _app.DbAsync();
        var sent = Assert.Single(await check.SimulatedProviderMessages.ToListAsync());
        Assert.Equal("Here are the disclosures for 418 Maple.", sent.Body);
        Assert.False(await check.Outbox.AnyAsync());
        var canceled = await check.Messages.SingleAsync(m => m.Body == "Reminder: inspection tomorrow at 9.");
        Assert.Equal(MessageStatus.Canceled, canceled.Status);
        Assert.Null(canceled.Sid);
    }
}

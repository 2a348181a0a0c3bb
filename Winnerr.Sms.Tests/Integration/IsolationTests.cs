using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Agent A (the demo admin, +15005550006) and agent B (+13125550100) share nothing.</summary>
public class IsolationTests : IAsyncLifetime
{
    private const string BNumber = "+13125550100";
    private readonly SmsAppFactory _app = new();
    private HttpClient _webhooks = null!;
    private long _a, _b, _bConversation;

    public async Task InitializeAsync()
    {
        _webhooks = _app.CreateClient();
        _a = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        _b = await _app.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", BNumber, "bea-password-2026");
        var response = await _webhooks.SendAsync(_app.SignedPost("/webhooks/twilio/sms",
            SmsAppFactory.InboundForm("+12125550147", "Private: our offer is 610k", to: BNumber)));
        response.EnsureSuccessStatusCode();
        await using var db = await _app.DbAsync();
        _bConversation = await db.Conversations.Where(c => c.AgentId == _b).Select(c => c.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WhenATextArrivesForB_ThenItRoutesToBByTheNumberTexted()
    {
        var queries = _app.Services.GetRequiredService<InboxQueries>();

        var forB = await queries.GetThreadsAsync(_b, 0, 50);
        var forA = await queries.GetThreadsAsync(_a, 0, 50);

        Assert.Equal("Private: our offer is 610k", Assert.Single(forB.Threads).LastMessagePreview);
        Assert.Empty(forA.Threads);
        Assert.Equal(0, forA.TotalUnread);
    }

    [Fact]
    public async Task WhenAAsksForBsConversationById_ThenItIsNotFound()
    {
        var queries = _app.Services.GetRequiredService<InboxQueries>();

        Assert.Null(await queries.GetConversationAsync(_a, _bConversation));
        Assert.NotNull(await queries.GetConversationAsync(_b, _bConversation));
    }

    [Fact]
    public async Task WhenASendsIntoBsConversationById_ThenNothingIsSentOrStored()
    {
        var result = await _app.Services.GetRequiredService<OutboundSmsService>().SendAsync(_a, _bConversation, "hijack");

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        await using var db = await _app.DbAsync();
        Assert.False(await db.Messages.AnyAsync(m => m.Body == "hijack"));
    }

    [Fact]
    public async Task WhenAMarksBsConversationReadById_ThenBsBadgeStays()
    {
        var result = await _app.Services.GetRequiredService<InboxWriter>().ExecuteAsync(new MarkConversationRead(_a, _bConversation));

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, (await db.Conversations.SingleAsync(c => c.Id == _bConversation)).UnreadCount);
    }

    [Fact]
    public async Task WhenARetriesBsMessageById_ThenItIsNotFound()
    {
        await using var db = await _app.DbAsync();
        var bMessage = await db.Messages.Where(m => m.ConversationId == _bConversation).Select(m => m.Id).SingleAsync();

        var result = await _app.Services.GetRequiredService<OutboundSmsService>().RetryAsync(_a, bMessage);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task WhenAOpensBsConversationUrl_ThenThePageShowsNoneOfIt()
    {
        var client = await SignIn.SignedInClientAsync(_app);

        var page = await client.GetAsync($"/phone/sms/{_bConversation}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("610k", html);
        Assert.DoesNotContain("+12125550147", html);
    }

    [Fact]
    public async Task WhenANumberNobodyOwnsIsTexted_ThenTheTextIsKeptAsUnassignedForAdminsOnly()
    {
        var response = await _webhooks.SendAsync(_app.SignedPost("/webhooks/twilio/sms",
            SmsAppFactory.InboundForm("+16175550162", "Is this the right number?", to: "+19175550111")));
        var queries = _app.Services.GetRequiredService<InboxQueries>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (thread, number) = Assert.Single(await queries.GetUnassignedAsync(50));
        Assert.Equal(("+16175550162", "+19175550111"), (thread.ContactPhone, number));
        Assert.DoesNotContain((await queries.GetThreadsAsync(_a, 0, 50)).Threads, t => t.ContactPhone == "+16175550162");
        Assert.DoesNotContain((await queries.GetThreadsAsync(_b, 0, 50)).Threads, t => t.ContactPhone == "+16175550162");

        var bea = await SignIn.SignedInClientAsync(_app, "bea@winnerr.test", "bea-password-2026");
        var admin = await SignIn.SignedInClientAsync(_app);
        Assert.DoesNotContain("Is this the right number?", await (await bea.GetAsync("/phone/sms/unassigned")).Content.ReadAsStringAsync());
        var page = await (await admin.GetAsync("/phone/sms/unassigned")).Content.ReadAsStringAsync();
        Assert.Contains("Is this the right number?", page);
        // Laid out as an inbox row (the grid's children, the avatar from data-initials), numbers written for people.
        Assert.Contains("data-initials=\"#\"", page);
        Assert.Contains("<span class=\"thread-item__name\">(617) 555-0162 → (917) 555-0111</span>", page);
    }

    [Fact]
    public async Task WhenANonAdminOpensSettings_ThenTheyAreNotShownIt()
    {
        var bea = await SignIn.SignedInClientAsync(_app, "bea@winnerr.test", "bea-password-2026");

        var html = await (await bea.GetAsync("/settings")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("agents-table", html);
        Assert.DoesNotContain(SmsAppFactory.AgentEmail, html);
    }
}

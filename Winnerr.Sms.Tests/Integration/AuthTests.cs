using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

public class AuthTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/phone/sms")]
    [InlineData("/phone/sms/1")]
    [InlineData("/phone/sms/unassigned")]
    [InlineData("/simulator")]
    [InlineData("/settings")]
    [InlineData("/no-such-page")]
    public async Task WhenSignedOut_ThenEveryPageRedirectsToSignInAndBack(string path)
    {
        var response = await SignIn.Client(_app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task WhenSignedOut_ThenTheCircuitHubRefuses()
    {
        var negotiate = await SignIn.Client(_app).PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Contains(negotiate.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized });
    }

    [Fact]
    public async Task WhenAnotherSitePostsSignOutWithoutTheToken_ThenTheAgentStaysSignedIn()
    {
        var client = await SignIn.SignedInClientAsync(_app);

        await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/phone/sms")).StatusCode);
    }

    [Fact]
    public async Task WhenSignedIn_ThenTheInboxLoadsAndSignInReturnsToTheAskedPage()
    {
        var client = SignIn.Client(_app);
        await client.GetAsync("/login?ReturnUrl=%2Fsettings");

        var response = await SignIn.PostAsync(client, SmsAppFactory.AgentEmail, SmsAppFactory.AgentPassword);
        var inbox = await client.GetAsync("/phone/sms");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Contains("Inbox", await inbox.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenReturnUrlPointsElsewhere_ThenSignInStaysOnThisSite()
    {
        var client = SignIn.Client(_app);
        var page = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/login?ReturnUrl=%2F%2Fevil.example.com", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = SmsAppFactory.AgentEmail, ["Input.Password"] = SmsAppFactory.AgentPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/phone/sms", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task WhenPasswordIsWrong_ThenTheFormSaysSoWithoutSayingWhich()
    {
        var response = await SignIn.PostAsync(SignIn.Client(_app), SmsAppFactory.AgentEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenPasswordIsWrongFiveTimes_ThenTheAccountLocksEvenForTheRightPassword()
    {
        var client = SignIn.Client(_app);
        for (var i = 0; i < 5; i++) await SignIn.PostAsync(client, SmsAppFactory.AgentEmail, $"wrong-{i}");

        var response = await SignIn.PostAsync(client, SmsAppFactory.AgentEmail, SmsAppFactory.AgentPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(SmsAppFactory.AgentEmail))!));
    }

    [Fact]
    public async Task WhenAnAgentIsLockedOut_ThenTheirCookieStopsWorking()
    {
        await using var app = new SmsAppFactory();
        app.Settings["Auth:RevalidationInterval"] = "00:00:00";
        var client = await SignIn.SignedInClientAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/phone/sms")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(SmsAppFactory.AgentEmail);
            await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SetLockedOutAsync(user!.Id, locked: true);
        }

        var after = await client.GetAsync("/phone/sms");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task WhenSignInIsHammered_ThenItAnswers429WhileABurstOfSignedWebhooksIsAllAccepted()
    {
        await using var app = new SmsAppFactory();
        app.Settings["Auth:SignInPermitLimit"] = "3";
        app.Settings["Auth:BadSignaturePermitLimit"] = "3";
        var client = SignIn.Client(app);
        var webhooks = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await SignIn.PostAsync(client, SmsAppFactory.AgentEmail, "wrong")).StatusCode);
        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            webhooks.SendAsync(app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm($"+1312555{i:D4}", $"reply {i}")))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = await app.DbAsync();
        Assert.Equal(200, await db.Messages.CountAsync());
    }

    [Fact]
    public async Task WhenWebhooksFailSignatureRepeatedly_ThenTheyAnswer429ButSignedOnesStillPass()
    {
        await using var app = new SmsAppFactory();
        app.Settings["Auth:BadSignaturePermitLimit"] = "3";
        var client = app.CreateClient();

        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            forged.Add((await client.SendAsync(app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "x"), token: "forged"))).StatusCode);
        var signed = await client.SendAsync(app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "real")));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], forged);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task WhenAPageIsServed_ThenItCarriesTheSecurityHeaders()
    {
        var response = await SignIn.Client(_app).GetAsync("/login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task WhenTheAgentsCommandAddsAnAgent_ThenTheyCanSignInAndAreListed()
    {
        var output = new StringWriter();

        var code = await AgentsCommand.RunAsync(_app.Services,
            ["agents", "add", "--email", "jo@winnerr.test", "--name", "Jo Park", "--number", "(312) 555-0100", "--password", "jo-password-2026"], output);
        var listed = new StringWriter();
        await AgentsCommand.RunAsync(_app.Services, ["agents", "list"], listed);

        Assert.Equal(0, code);
        Assert.Contains("created jo@winnerr.test (Jo Park)", output.ToString());
        Assert.Contains("jo@winnerr.test\tJo Park\t+13125550100\tagent", listed.ToString());
        await SignIn.SignedInClientAsync(_app, "jo@winnerr.test", "jo-password-2026");
    }

    [Fact]
    public async Task WhenTheAgentsCommandIsGivenABadNumber_ThenItSaysWhyAndCreatesNothing()
    {
        var output = new StringWriter();

        var code = await AgentsCommand.RunAsync(_app.Services,
            ["agents", "add", "--email", "jo@winnerr.test", "--name", "Jo", "--number", "12345", "--password", "jo-password-2026"], output);

        Assert.Equal(1, code);
        Assert.Contains("not a valid phone number", output.ToString());
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Users.CountAsync());
    }
}

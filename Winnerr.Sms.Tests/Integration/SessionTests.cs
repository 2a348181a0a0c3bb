using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>Each sign-in is a server-side session: signing out ends it for every copy of its cookie.</summary>
public partial class SessionTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WhenTheAgentSignsOut_ThenReplayingTheOldCookieGoesToSignIn()
    {
        var (client, cookie) = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/phone/sms")).StatusCode);

        await PostFormAsync(client, "/logout");

        var replayed = await Replay(cookie, "/phone/sms");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/login", replayed.Headers.Location!.PathAndQuery);
        await using var db = await _app.DbAsync();
        var session = await db.AgentSessions.SingleAsync();
        Assert.Equal(AgentSessions.SignedOut, session.EndedReason);
        Assert.NotNull(session.EndedAt);
    }

    [Fact]
    public async Task WhenOneSessionSignsOut_ThenASecondSessionSurvives_ButNotSignOutEverywhere()
    {
        var (first, firstCookie) = await SignInAsync();
        var (second, secondCookie) = await SignInAsync();

        await PostFormAsync(first, "/logout");

        Assert.Equal(HttpStatusCode.Redirect, (await Replay(firstCookie, "/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(secondCookie, "/phone/sms")).StatusCode);

        var (third, thirdCookie) = await SignInAsync();
        await PostFormAsync(third, "/logout/everywhere");

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Replay(secondCookie, "/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Replay(thirdCookie, "/phone/sms")).StatusCode);
        await using var db = await _app.DbAsync();
        Assert.Equal([AgentSessions.SignedOut, AgentSessions.SignedOutEverywhere, AgentSessions.SignedOutEverywhere],
            await db.AgentSessions.OrderBy(s => s.CreatedAt).Select(s => s.EndedReason).ToListAsync());
    }

    [Fact]
    public async Task WhenSignOutEverywhereIsPostedWithoutTheToken_ThenNothingEnds()
    {
        var (client, _) = await SignInAsync();

        var response = await client.PostAsync("/logout/everywhere", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/phone/sms")).StatusCode);
    }

    [Fact]
    public async Task WhenAnAgentIsLocked_ThenAllTheirSessionsEnd_AndOtherAgentsKeepTheirs()
    {
        await _app.CreateAgentAsync("bea@winnerr.test", "Bea Quinn", "+13125550100", "bea-password-2026");
        var (_, alexCookie) = await SignInAsync();
        var (_, beaCookie) = await SignInAsync("bea@winnerr.test", "bea-password-2026");

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var bea = await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync("bea@winnerr.test");
            await scope.ServiceProvider.GetRequiredService<AgentDirectory>().SetLockedOutAsync(bea!.Id, locked: true);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Replay(beaCookie, "/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(alexCookie, "/phone/sms")).StatusCode);
        await using var db = await _app.DbAsync();
        Assert.Equal(AgentSessions.Locked, await db.AgentSessions.Where(s => s.EndedAt != null).Select(s => s.EndedReason).SingleAsync());
    }

    [Fact]
    public async Task WhenTheSecurityStampIsRecheckedOnEveryRequest_ThenTheSessionStillHolds()
    {
        await using var app = new SmsAppFactory();
        app.Settings["Auth:RevalidationInterval"] = "00:00:00";
        var client = await SignIn.SignedInClientAsync(app);

        // The re-checked cookie is rebuilt from the user; it must keep its session claim to stay signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/phone/sms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/phone/sms")).StatusCode);
    }

    [Fact]
    public async Task AnOpenPagesSignInCheck_SaysWhyItNoLongerHolds_InOneQuery()
    {
        var (client, _) = await SignInAsync();
        var sessions = _app.Services.GetRequiredService<AgentSessions>();
        AgentSession session;
        AgentUser user;
        await using (var db = await _app.DbAsync())
        {
            session = await db.AgentSessions.SingleAsync();
            user = await db.Users.SingleAsync(u => u.Id == session.UserId);
        }

        Assert.Null(await sessions.SignInEndedReasonAsync(session.Id, user.Id, user.SecurityStamp));
        Assert.Equal(AgentSessions.StampChanged, await sessions.SignInEndedReasonAsync(session.Id, user.Id, "an older stamp"));
        Assert.Equal("unknown session", await sessions.SignInEndedReasonAsync("not-a-session", user.Id, user.SecurityStamp));
        Assert.Equal(AgentSessions.AgentGone, await sessions.SignInEndedReasonAsync(session.Id, user.Id + 1000, user.SecurityStamp));

        // Locked out without the session being ended (the admin's path ends it too): the lockout alone is enough.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
            var tracked = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.SetLockoutEnabledAsync(tracked, true);
            await users.SetLockoutEndDateAsync(tracked, DateTimeOffset.UtcNow.AddMinutes(5));
            Assert.Equal(AgentSessions.AgentLocked, await sessions.SignInEndedReasonAsync(session.Id, user.Id, await users.GetSecurityStampAsync(tracked)));
            await users.SetLockoutEndDateAsync(tracked, DateTimeOffset.UtcNow.AddMinutes(-1));
            Assert.Null(await sessions.SignInEndedReasonAsync(session.Id, user.Id, await users.GetSecurityStampAsync(tracked)));
            user.SecurityStamp = await users.GetSecurityStampAsync(tracked);
        }

        await PostFormAsync(client, "/logout");
        Assert.Equal(AgentSessions.SignedOut, await sessions.SignInEndedReasonAsync(session.Id, user.Id, user.SecurityStamp));
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email = SmsAppFactory.AgentEmail, string password = SmsAppFactory.AgentPassword)
    {
        var client = SignIn.Client(_app);
        var response = await SignIn.PostAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("winnerr.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);
        return (client, cookie);
    }

    /// <summary>A request carrying only the given auth cookie, as a copy of it elsewhere would.</summary>
    private async Task<HttpResponseMessage> Replay(string cookie, string path)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Posts a sign-out form as the app bar does, with the antiforgery token from a page.</summary>
    private static async Task PostFormAsync(HttpClient client, string action)
    {
        var page = await client.GetStringAsync("/phone/sms");
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token, so another site cannot sign an agent out. The token is
    /// checked here (not by the framework's empty 400) so the refusal has a body and is not re-executed
    /// into a page. Signing out ends the server-side session, so a copy of the cookie (another tab, a
    /// stolen copy) stops working too; "everywhere" ends every session of the agent.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", (HttpContext http, IAntiforgery antiforgery, SignInManager<AgentUser> signIn, AgentSessions sessions) =>
            SignOutAsync(http, antiforgery, signIn, (userId, sessionId) =>
                sessionId is null ? Task.CompletedTask : sessions.EndAsync(sessionId, userId, AgentSessions.SignedOut)))
            .AllowAnonymous().DisableAntiforgery();
        app.MapPost("/logout/everywhere", (HttpContext http, IAntiforgery antiforgery, SignInManager<AgentUser> signIn, AgentSessions sessions) =>
            SignOutAsync(http, antiforgery, signIn, (userId, _) => sessions.EndAllAsync(userId, AgentSessions.SignedOutEverywhere)))
            .AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<AgentUser> signIn,
        Func<long, string?, Task> endSessions)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Text("The sign-out form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        if (long.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            await endSessions(userId, AgentSessions.IdOf(http.User));
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token, so another site cannot sign an agent out. The token is
    /// checked here (not by the framework's empty 400) so the refusal has a body and is not re-executed
    /// into a page.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AgentUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Text("The sign-out form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}

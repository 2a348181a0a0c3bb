using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (a link could be triggered by another site).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding a form value makes the endpoint validate the antiforgery token.
        app.MapPost("/logout", async (SignInManager<AgentUser> signIn, [FromForm(Name = "reason")] string? reason) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).AllowAnonymous();
        return app;
    }
}

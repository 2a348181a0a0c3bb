using System.Security.Claims;
using Winnerr.Sms.Core.Campaigns;

namespace Winnerr.Sms.App.Campaigns;

public static class CampaignEndpoints
{
    /// <summary>The per-recipient report of one campaign as CSV, streamed (the fallback policy requires a signed-in agent).</summary>
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/phone/sms/campaigns/{id:long}/recipients.csv", async (long id, ClaimsPrincipal user, IDbContextFactory<SmsDbContext> dbFactory,
            CampaignService campaigns, HttpContext http, CancellationToken ct) =>
        {
            if (!long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return Results.Unauthorized();
            long agentId;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                agentId = await db.Users.Where(u => u.Id == userId).Select(u => u.AgentId).FirstAsync(ct);
            if (await campaigns.GetAsync(agentId, id, ct) is not { } campaign) return Results.NotFound("Campaign not found.");
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"campaign-{campaign.Id}-recipients.csv\"";
            await campaigns.WriteCsvAsync(agentId, id, http.Response.Body, ct);
            return Results.Empty;
        });
        return app;
    }
}

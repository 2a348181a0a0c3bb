using System.Security.Claims;
using Winnerr.Sms.App.Components;
using Winnerr.Sms.Core.History;

namespace Winnerr.Sms.App.History;

public static class HistoryEndpoints
{
    /// <summary>CSV of the History filter, written while it is read (the fallback policy requires a signed-in agent).</summary>
    public static IEndpointRouteBuilder MapHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(HistoryUrl.Export, async (HttpContext http, ClaimsPrincipal user, IDbContextFactory<SmsDbContext> dbFactory, IMessageSearch search, CancellationToken ct) =>
        {
            if (!long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return Results.Unauthorized();
            long agentId;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                agentId = await db.Users.Where(u => u.Id == userId).Select(u => u.AgentId).FirstAsync(ct);
            var query = http.Request.Query;
            var filter = HistoryUrl.Parse(name => query.TryGetValue(name, out var v) ? v.ToString() : null);
            // Days are the agent's: the page passes its zone; the browser's cookie is the fallback.
            var zone = ClientTime.FromName(query.TryGetValue("tz", out var tz) ? tz.ToString() : http.Request.Cookies["tz"]).Zone;
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"texts-{DateTime.UtcNow:yyyy-MM-dd}.csv\"";
            await HistoryCsv.WriteAsync(search.AllAsync(agentId, filter, zone, ct), http.Response.Body, zone, ct);
            return Results.Empty;
        });
        return app;
    }
}

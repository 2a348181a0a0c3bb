using System.Security.Claims;
using Winnerr.Sms.Core.Contacts.Import;

namespace Winnerr.Sms.App.People;

public static class PeopleEndpoints
{
    /// <summary>CSV export of the People page's current filter (the fallback policy requires a signed-in agent).</summary>
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/people/export.csv", async (ClaimsPrincipal user, IDbContextFactory<SmsDbContext> dbFactory, ContactImport contacts,
            string? search, string? consent, string? tag, CancellationToken ct) =>
        {
            if (!long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return Results.Unauthorized();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var agentId = await db.Users.Where(u => u.Id == userId).Select(u => u.AgentId).FirstAsync(ct);
            ConsentStatus? status = Enum.TryParse<ConsentStatus>(consent, out var parsed) ? parsed : null;
            var rows = await contacts.ExportAsync(agentId, new PeopleFilter(search, status, string.IsNullOrWhiteSpace(tag) ? null : tag), ct);
            var buffer = new MemoryStream();
            ContactCsv.Write(rows, buffer);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"contacts-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        });
        return app;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

/// <summary>The signed-in agent as the app needs them.</summary>
public sealed record SignedInAgent(long Id, long UserId, string Name, string Email, IReadOnlyList<string> Numbers, bool IsAdmin)
{
    public string? PrimaryNumber => Numbers.FirstOrDefault();
}

/// <summary>The agent this circuit (or request) works for, from the signed-in user.</summary>
public sealed class CurrentAgent(AuthenticationStateProvider auth, IDbContextFactory<SmsDbContext> dbFactory)
{
    private SignedInAgent? _agent;

    public async Task<SignedInAgent> GetAsync(CancellationToken ct = default)
    {
        if (_agent is not null) return _agent;
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (!long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            throw new UnauthorizedAccessException("No agent is signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Users.AsNoTracking().Include(u => u.Agent).ThenInclude(a => a.Numbers)
            .FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new UnauthorizedAccessException("The signed-in agent no longer exists.");
        _agent = new SignedInAgent(found.AgentId, found.Id, found.Agent.Name, found.Email ?? "",
            found.Agent.Numbers.OrderBy(n => n.Id).Select(n => n.PhoneNumber).ToList(), user.IsInRole(AgentRoles.Admin));
        return _agent;
    }
}

using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

public sealed record AgentListItem(long AgentId, long UserId, string Name, string Email, IReadOnlyList<AgentNumber> Numbers, bool IsAdmin, bool IsLockedOut);

/// <summary>
/// Creating and managing agents and their numbers: used by Settings, the `agents` command and the demo seed.
/// Settings keeps this for a whole circuit, and Identity's managers hold a DbContext for as long as their
/// scope lives, so each operation resolves them in a scope of its own.
/// </summary>
public sealed class AgentDirectory(
    IServiceScopeFactory scopes,
    IDbContextFactory<SmsDbContext> dbFactory,
    PhoneNumberNormalizer phones,
    AgentSessions sessions)
{
    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider);
    }

    /// <summary>Creates the agent, their first number and their sign-in together; returns the errors if any step is refused.</summary>
    public async Task<(AgentUser? User, IReadOnlyList<string> Errors)> CreateAsync(string email, string name, string number, string password, bool admin)
    {
        if (string.IsNullOrWhiteSpace(name)) return (null, ["Enter the agent's name."]);
        if (string.IsNullOrWhiteSpace(email)) return (null, ["Enter an email address."]);
        if (!phones.TryNormalize(number, out var e164, out var phoneError)) return (null, [phoneError]);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        if (await users.FindByEmailAsync(email) is not null) return (null, [$"{email} already has an account."]);

        await using var db = await dbFactory.CreateDbContextAsync();
        var owner = await db.AgentNumbers.Where(n => n.PhoneNumber == e164).Select(n => (long?)n.AgentId).FirstOrDefaultAsync();
        Agent agent;
        var adopted = false;
        if (owner is { } ownerId)
        {
            // An agent from before sign-in existed (numbers without accounts): give that agent the account.
            if (await db.Users.AnyAsync(u => u.AgentId == ownerId)) return (null, [$"{e164} already belongs to an agent."]);
            agent = await db.Agents.SingleAsync(a => a.Id == ownerId);
            agent.Name = name.Trim();
            adopted = true;
        }
        else
        {
            agent = new Agent { Name = name.Trim(), Numbers = [new AgentNumber { PhoneNumber = e164 }] };
            db.Agents.Add(agent);
        }
        await db.SaveChangesAsync();

        var user = new AgentUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, AgentId = agent.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (!adopted)
            {
                db.Agents.Remove(agent);
                await db.SaveChangesAsync();
            }
            return (null, created.Errors.Select(e => e.Description).ToList());
        }
        await EnsureRolesAsync(scope.ServiceProvider);
        await users.AddToRolesAsync(user, admin ? [AgentRoles.Agent, AgentRoles.Admin] : [AgentRoles.Agent]);
        return (user, []);
    }

    public async Task<IReadOnlyList<AgentListItem>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var people = await db.Users.AsNoTracking().Include(u => u.Agent).ThenInclude(a => a.Numbers).OrderBy(u => u.Agent.Name).ToListAsync();
        var adminRole = await db.Roles.Where(r => r.Name == AgentRoles.Admin).Select(r => r.Id).FirstOrDefaultAsync();
        var admins = await db.UserRoles.Where(r => r.RoleId == adminRole).Select(r => r.UserId).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        return people.Select(u => new AgentListItem(u.AgentId, u.Id, u.Agent.Name, u.Email ?? "", u.Agent.Numbers.OrderBy(n => n.Id).ToList(),
            admins.Contains(u.Id), u.LockoutEnd is { } end && end > now)).ToList();
    }

    public async Task<string?> AddNumberAsync(long agentId, string number)
    {
        if (!phones.TryNormalize(number, out var e164, out var error)) return error;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.AgentNumbers.AnyAsync(n => n.PhoneNumber == e164)) return $"{e164} already belongs to an agent.";
        db.AgentNumbers.Add(new AgentNumber { AgentId = agentId, PhoneNumber = e164 });
        await db.SaveChangesAsync();
        return null;
    }

    public async Task RemoveNumberAsync(long numberId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.AgentNumbers.Where(n => n.Id == numberId).ExecuteDeleteAsync();
    }

    /// <summary>Locking ends all of the agent's sessions: their cookies stop working and open pages go to sign-in at once.</summary>
    public async Task SetLockedOutAsync(long userId, bool locked)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        if (locked) await sessions.EndAllAsync(userId, AgentSessions.Locked);
    }

    private static async Task EnsureRolesAsync(IServiceProvider scoped)
    {
        var roles = scoped.GetRequiredService<RoleManager<IdentityRole<long>>>();
        foreach (var role in new[] { AgentRoles.Agent, AgentRoles.Admin })
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<long>(role));
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

/// <summary>
/// Server-side sign-in sessions. Each sign-in gets a row whose id rides in the auth cookie as
/// <see cref="ClaimType"/>; a cookie or an open page whose row has ended loses access. Ending rows is
/// announced with <see cref="SessionsEnded"/> so open pages leave at once instead of at their next check.
/// </summary>
public sealed class AgentSessions(IDbContextFactory<SmsDbContext> dbFactory, IInboxEventPublisher events, TimeProvider clock)
{
    public const string ClaimType = "winnerr:sid";

    public const string SignedOut = "signed out";
    public const string SignedOutEverywhere = "signed out everywhere";
    public const string Locked = "locked by an admin";

    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimType);

    public async Task<string> StartAsync(long userId, string? userAgent)
    {
        var session = new AgentSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedAt = clock.GetUtcNow(),
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AgentSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>Looked up on every request, not cached, so a sign-out holds from the very next request (a primary-key read).</summary>
    public async Task<bool> IsLiveAsync(string sessionId, long userId, CancellationToken ct = default) =>
        await EndedReasonAsync(sessionId, userId, ct) is null;

    /// <summary>Null while the session is live; why it ended otherwise (a missing or foreign session counts as ended).</summary>
    public async Task<string?> EndedReasonAsync(string sessionId, long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AgentSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.EndedAt, s.EndedReason }).FirstOrDefaultAsync(ct);
        if (row is null) return "unknown session";
        return row.EndedAt is null ? null : row.EndedReason ?? "ended";
    }

    public const string AgentGone = "agent removed";
    public const string AgentLocked = "agent locked out";
    public const string StampChanged = "sign-in details changed";

    /// <summary>
    /// Why an open page's sign-in no longer holds, or null while it does: its session ended, or its agent is gone, locked
    /// out, or has a new security stamp (what UserManager would say, for EF's store). One query on a short-lived
    /// context: every open page asks once a revalidation interval, all day.
    /// </summary>
    public async Task<string?> SignInEndedReasonAsync(string sessionId, long userId, string? securityStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = db.AgentSessions.Where(s => s.Id == sessionId && s.UserId == userId);
        // Scalar subqueries on the session's key (SQLite has no APPLY for a nested row).
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                u.LockoutEnabled,
                u.LockoutEnd,
                SessionFound = session.Any(),
                Ended = session.Select(s => s.EndedAt != null).FirstOrDefault(),
                EndedReason = session.Select(s => s.EndedReason).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return AgentGone;
        if (!row.SessionFound) return "unknown session";
        if (row.Ended) return row.EndedReason ?? "ended";
        // Compared here: SQLite cannot compare DateTimeOffset in SQL.
        if (row.LockoutEnabled && row.LockoutEnd is { } end && end > clock.GetUtcNow()) return AgentLocked;
        return securityStamp == row.SecurityStamp ? null : StampChanged;
    }

    public async Task EndAsync(string sessionId, long userId, string reason)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var ended = await db.AgentSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason));
        if (ended > 0) await AnnounceAsync(db, userId, sessionId);
    }

    public async Task EndAllAsync(long userId, string reason)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var ended = await db.AgentSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason));
        if (ended > 0) await AnnounceAsync(db, userId, sessionId: null);
    }

    private async Task AnnounceAsync(SmsDbContext db, long userId, string? sessionId)
    {
        var agentId = await db.Users.Where(u => u.Id == userId).Select(u => (long?)u.AgentId).FirstOrDefaultAsync();
        if (agentId is { } id) events.Publish(new SessionsEnded(id, sessionId));
    }
}

/// <summary>The auth cookie's side of <see cref="AgentSessions"/>.</summary>
public static class AgentSessionCookies
{
    /// <summary>
    /// Checks the cookie's session on every request, not on an interval: once a session is signed out, a copy of its
    /// cookie (another tab, another machine) is refused from the next request on. Then the security stamp, as before.
    /// </summary>
    public static void RequireLiveSession(CookieAuthenticationOptions options)
    {
        var validateSecurityStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await HasLiveSessionAsync(context.Principal, context.HttpContext))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validateSecurityStamp(context);
        };
    }

    /// <summary>The security stamp check rebuilds the principal from the user; the session claim goes with it.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && AgentSessions.IdOf(current) is { } sessionId
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && identity.FindFirst(AgentSessions.ClaimType) is null)
            identity.AddClaim(new Claim(AgentSessions.ClaimType, sessionId));
        return Task.CompletedTask;
    }

    private static async Task<bool> HasLiveSessionAsync(ClaimsPrincipal? principal, HttpContext http) =>
        principal is not null
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
        && AgentSessions.IdOf(principal) is { } sessionId
        && await http.RequestServices.GetRequiredService<AgentSessions>().IsLiveAsync(sessionId, userId, http.RequestAborted);
}

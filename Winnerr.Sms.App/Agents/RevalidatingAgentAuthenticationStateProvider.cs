using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;

namespace Winnerr.Sms.App.Agents;

/// <summary>
/// Re-checks a circuit's user on an interval, and at once when its sign-in session is announced as ended
/// (<see cref="RevalidateNowAsync"/>): an ended session, a deleted, locked-out or re-stamped agent loses the
/// open page without a reload (the layout then sends them to sign-in).
/// </summary>
public sealed class RevalidatingAgentAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    AgentSessions sessions,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AuthOptions> authOptions) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly AuthenticationState SignedOutState = new(new ClaimsPrincipal(new ClaimsIdentity()));

    /// <summary>
    /// The page lost its sign-in because the agent signed out (here, in another tab, or everywhere), not because
    /// of a lock: sign-in then starts afresh, exactly as the sign-out form's own redirect does.
    /// </summary>
    public bool SignedOutByAgent { get; private set; }

    // A zero interval is fine for cookies (checked per request) but would spin this loop.
    protected override TimeSpan RevalidationInterval =>
        authOptions.Value.RevalidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : authOptions.Value.RevalidationInterval;

    /// <summary>Checks now rather than at the next interval; signs the circuit out if its sign-in no longer holds.</summary>
    public async Task RevalidateNowAsync(CancellationToken ct = default)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true) return;
        if (!await ValidateAuthenticationStateAsync(state, ct)) SetAuthenticationState(Task.FromResult(SignedOutState));
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (!long.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || AgentSessions.IdOf(state.User) is not { } sessionId)
            return false;
        var stamp = state.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (await sessions.SignInEndedReasonAsync(sessionId, userId, stamp, ct) is not { } ended) return true;
        SignedOutByAgent = ended is AgentSessions.SignedOut or AgentSessions.SignedOutEverywhere;
        return false;
    }
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>How often an open page re-checks that its agent may still be signed in.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Sign-in attempts (POSTs) allowed per client address per window.</summary>
    public int SignInPermitLimit { get; set; } = 10;
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Webhook requests failing signature validation allowed per client address per window; correctly signed ones are never limited.</summary>
    public int BadSignaturePermitLimit { get; set; } = 20;
    public TimeSpan BadSignatureWindow { get; set; } = TimeSpan.FromMinutes(1);
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds a demo admin-agent (and a demo week of conversations into an empty database).</summary>
    public bool Enabled { get; set; } = true;
    public string Email { get; set; } = "demo@winnerr.test";
    public string Password { get; set; } = "";
    public string Name { get; set; } = "Alex Morgan";
    public bool SeedConversations { get; set; } = true;
}

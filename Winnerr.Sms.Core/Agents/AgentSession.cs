namespace Winnerr.Sms.Core.Agents;

/// <summary>
/// One sign-in: its id travels in the auth cookie, and every request and open page checks that it is
/// still live. Signing out ends it (everywhere it is open); "sign out everywhere" and a lock end all of
/// an agent's sessions.
/// </summary>
public class AgentSession
{
    /// <summary>A random id (32 hex characters); never derived from the user.</summary>
    public required string Id { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Why it ended: "signed out", "signed out everywhere", "locked by an admin".</summary>
    public string? EndedReason { get; set; }
    public string? UserAgent { get; set; }
}

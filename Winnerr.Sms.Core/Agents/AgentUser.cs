using Microsoft.AspNetCore.Identity;

namespace Winnerr.Sms.Core.Agents;

/// <summary>The sign-in of an agent (ASP.NET Core Identity). Kept apart from <see cref="Agent"/> so the domain does not carry credentials.</summary>
public class AgentUser : IdentityUser<long>
{
    public long AgentId { get; set; }
    public Agent Agent { get; set; } = null!;
}

public static class AgentRoles
{
    public const string Agent = "Agent";
    public const string Admin = "Admin";
}

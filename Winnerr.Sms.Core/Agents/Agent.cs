namespace Winnerr.Sms.Core.Agents;

/// <summary>A real-estate agent: the person a sign-in belongs to and the owner of one or more Twilio numbers.</summary>
public class Agent
{
    public long Id { get; set; }
    /// <summary>What {{agent_name}} inserts and what the app bar shows.</summary>
    public required string Name { get; set; }
    public List<AgentNumber> Numbers { get; set; } = [];

    /// <summary>The number new conversations are started from.</summary>
    public string? PrimaryNumber => Numbers.OrderBy(n => n.Id).FirstOrDefault()?.PhoneNumber;
}

/// <summary>A Twilio number owned by one agent; inbound texts route by it.</summary>
public class AgentNumber
{
    public long Id { get; set; }
    public long AgentId { get; set; }
    /// <summary>E.164; unique across agents.</summary>
    public required string PhoneNumber { get; set; }
    /// <summary>Set when Twilio refused to send from this number for a configuration reason; cleared by an admin.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    public int? PauseCode { get; set; }
    public string? PauseReason { get; set; }
}

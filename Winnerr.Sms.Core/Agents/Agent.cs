namespace Winnerr.Sms.Core.Agents;

/// <summary>A real-estate agent who texts from one Twilio number.</summary>
public class Agent
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The agent's Twilio number in E.164.</summary>
    public required string PhoneNumber { get; set; }
}

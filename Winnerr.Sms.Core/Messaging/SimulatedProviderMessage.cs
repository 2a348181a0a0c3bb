namespace Winnerr.Sms.Core.Messaging;

/// <summary>
/// What the built-in simulator accepted, kept as Twilio keeps its message log, so reconciling a send
/// whose outcome was never recorded works (and is tested) the same way it does against Twilio.
/// </summary>
public class SimulatedProviderMessage
{
    public required string Sid { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public required string Body { get; set; }
    public string Status { get; set; } = MessageStatus.Queued;
    public DateTimeOffset CreatedAt { get; set; }
}

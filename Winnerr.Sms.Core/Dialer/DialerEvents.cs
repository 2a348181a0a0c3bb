namespace Winnerr.Sms.Core.Dialer;

/// <summary>The agent's dialer session or one of its calls changed: every open dialer page of the agent reloads it.</summary>
public sealed record DialerChanged(long AgentId, long? SessionId, long? CallId) : InboxEvent(AgentId);

namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>
/// Take a text out of the outbox before it goes: the agent cancels a scheduled text (<paramref name="AgentId"/>
/// set), or the gate refuses it at dispatch (<paramref name="AgentId"/> null, with the reason shown on it).
/// </summary>
public sealed record CancelOutbound(long? AgentId, long MessageId, string Reason, string? ClaimToken = null) : InboxCommand;

namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Put a failed outbound message back in the outbox to send it again.</summary>
public sealed record RetryOutbound(long AgentId, long MessageId) : InboxCommand;

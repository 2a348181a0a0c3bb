namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>The agent's decision on a text flagged as a revocation in the contact's own words.</summary>
public sealed record ReviewRevocation(long AgentId, long ContactId, bool Confirm) : InboxCommand;

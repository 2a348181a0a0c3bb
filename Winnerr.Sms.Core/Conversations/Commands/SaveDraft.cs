namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>Keeps the agent's unsent text in a thread (null or blank clears it). Not a change anyone else sees: no event.</summary>
public sealed record SaveDraft(long AgentId, long ConversationId, string? Body) : InboxCommand;

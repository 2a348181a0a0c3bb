namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>The agent has dealt with the thread without replying: it no longer needs a reply.</summary>
public sealed record MarkConversationDone(long AgentId, long ConversationId) : InboxCommand;

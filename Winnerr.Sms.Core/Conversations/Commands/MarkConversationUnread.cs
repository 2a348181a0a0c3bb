namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>The agent wants to come back to a thread: it shows as unread again (one unread if it had none).</summary>
public sealed record MarkConversationUnread(long AgentId, long ConversationId) : InboxCommand;

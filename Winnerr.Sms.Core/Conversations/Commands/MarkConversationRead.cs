namespace Winnerr.Sms.Core.Conversations.Commands;

public sealed record MarkConversationRead(long AgentId, long ConversationId) : InboxCommand;

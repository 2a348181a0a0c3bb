namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>A status callback; <paramref name="MessageId"/> is our id, carried in the callback URL.</summary>
public sealed record ApplyStatus(long? MessageId, string MessageSid, string Status, int? ErrorCode, string? ErrorMessage) : InboxCommand;

namespace Winnerr.Sms.Core.Conversations;

/// <summary>A change to the inbox. All changes go through <see cref="InboxWriter"/>, one writer for SQLite.</summary>
public abstract record InboxCommand;

/// <summary>An inbound text as Twilio posts it.</summary>
public sealed record ReceiveSms(string MessageSid, string From, string To, string Body) : InboxCommand;

/// <summary>A status callback; <paramref name="MessageId"/> is our id, carried in the callback URL.</summary>
public sealed record ApplyStatus(long? MessageId, string MessageSid, string Status, int? ErrorCode, string? ErrorMessage) : InboxCommand;

/// <summary>Store an outbound text before the provider is called, so nothing is lost if it fails.</summary>
public sealed record QueueOutbound(long AgentId, long? ConversationId, string? ToPhone, string Body) : InboxCommand;

/// <summary>What the provider answered to a send: a SID and status, or an error.</summary>
public sealed record RecordSendOutcome(long MessageId, string? Sid, string? Status, int? ErrorCode, string? ErrorMessage) : InboxCommand;

/// <summary>Put a failed outbound message back in the queue to send it again.</summary>
public sealed record RetryOutbound(long AgentId, long MessageId) : InboxCommand;

public sealed record MarkConversationRead(long AgentId, long ConversationId) : InboxCommand;

public enum WriteOutcome { Done, Duplicate, NotFound, Invalid }

/// <summary>The result of one command. <see cref="Outbound"/> is set when a message is ready to hand to the provider.</summary>
public sealed record WriteResult(WriteOutcome Outcome, string? Error = null, long? ConversationId = null, OutboundSms? Outbound = null)
{
    public static readonly WriteResult Ok = new(WriteOutcome.Done);
    public static WriteResult Invalid(string error) => new(WriteOutcome.Invalid, error);
    public static WriteResult NotFound(string error) => new(WriteOutcome.NotFound, error);
}

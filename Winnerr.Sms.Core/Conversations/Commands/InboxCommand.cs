namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>A change to the inbox. All changes go through <see cref="InboxWriter"/>, one writer for SQLite.</summary>
public abstract record InboxCommand;

public enum WriteOutcome { Done, Duplicate, NotFound, Invalid, Refused }

/// <summary>The result of one command. <see cref="Outbound"/> is set when a message was put in the outbox.</summary>
public sealed record WriteResult(WriteOutcome Outcome, string? Error = null, long? ConversationId = null, OutboundSms? Outbound = null, string? Code = null,
    long? ContactId = null, long? CampaignId = null)
{
    public static readonly WriteResult Ok = new(WriteOutcome.Done);
    public static WriteResult Invalid(string error) => new(WriteOutcome.Invalid, error);
    public static WriteResult NotFound(string error) => new(WriteOutcome.NotFound, error);
    public static WriteResult Refused(string code, string reason) => new(WriteOutcome.Refused, reason, Code: code);
}

namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>What the provider answered to a claimed send (<paramref name="ClaimToken"/> names the claim; <paramref name="StartedAt"/> is when the provider call began, the message's SentAt).</summary>
public sealed record RecordSendOutcome(long MessageId, string? ClaimToken, SendResult Result, DateTimeOffset? StartedAt = null) : InboxCommand;

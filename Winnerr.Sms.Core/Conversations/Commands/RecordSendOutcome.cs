namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>What the provider answered to a claimed send (<paramref name="ClaimToken"/> names the claim).</summary>
public sealed record RecordSendOutcome(long MessageId, string? ClaimToken, SendResult Result) : InboxCommand;

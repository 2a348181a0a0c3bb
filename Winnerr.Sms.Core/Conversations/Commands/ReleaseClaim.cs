namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>A claimed text that must not go out on its claim-time gate decision (its campaign was paused or cancelled, its contact's consent changed while it waited for its turn) goes back unsent.</summary>
public sealed record ReleaseClaim(long MessageId, string ClaimToken) : InboxCommand;

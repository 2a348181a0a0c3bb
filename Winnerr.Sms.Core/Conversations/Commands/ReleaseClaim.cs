namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>A claimed campaign text whose campaign was paused or cancelled while it waited for its turn goes back unsent.</summary>
public sealed record ReleaseClaim(long MessageId, string ClaimToken) : InboxCommand;

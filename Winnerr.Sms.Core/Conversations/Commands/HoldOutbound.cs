namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>The gate holds a claimed text for the recipient's sending window: it goes back to wait until then.</summary>
public sealed record HoldOutbound(long MessageId, string ClaimToken, DateTimeOffset Until) : InboxCommand;

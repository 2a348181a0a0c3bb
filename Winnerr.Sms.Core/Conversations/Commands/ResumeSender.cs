namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>An admin fixed what paused a sender number (10DLC registration, geo permissions, credentials).</summary>
public sealed record ResumeSender(string Number) : InboxCommand;

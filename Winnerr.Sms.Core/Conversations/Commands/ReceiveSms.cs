namespace Winnerr.Sms.Core.Conversations.Commands;

/// <summary>An inbound text as Twilio posts it.</summary>
public sealed record ReceiveSms(string MessageSid, string From, string To, string Body) : InboxCommand;

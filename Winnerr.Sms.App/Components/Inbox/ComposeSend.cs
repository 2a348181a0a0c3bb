namespace Winnerr.Sms.App.Components.Inbox;

/// <summary>What the compose box asks its page to send: the text, and for "send later" when.</summary>
public sealed record ComposeSend(string Body, DateTimeOffset? SendAt = null);

using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>Small builders for inbox views.</summary>
public static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    public static ThreadSummary Thread(long id, int minutesAgo, int unread = 0, string? name = null, string? preview = null) =>
        new(id, id * 10, name ?? $"Contact {id}", $"+1212555{id:D4}", preview ?? $"message {id}", Now.AddMinutes(-minutesAgo), unread, false);

    public static MessageView Message(long id, long conversationId, int minutesAgo, MessageDirection direction = MessageDirection.Inbound,
        string status = "received", string? body = null) =>
        new(id, conversationId, direction, body ?? $"body {id}", status, null, null, Now.AddMinutes(-minutesAgo));
}

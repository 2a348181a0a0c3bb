namespace Winnerr.Sms.Core.Messaging;

/// <summary>
/// Every outbound text from a screen comes through here into the outbox (the compliance gate decides
/// in the writer, in the same transaction). The dispatcher hands it to the provider.
/// </summary>
public sealed class OutboundSmsService(InboxWriter writer)
{
    public Task<WriteResult> SendAsync(long agentId, long conversationId, string body, DateTimeOffset? sendAt = null) =>
        writer.ExecuteAsync(new QueueOutbound(agentId, conversationId, null, body, SendAt: sendAt));

    public Task<WriteResult> SendToNumberAsync(long agentId, string toPhone, string body, DateTimeOffset? sendAt = null) =>
        writer.ExecuteAsync(new QueueOutbound(agentId, null, toPhone, body, SendAt: sendAt));

    public Task<WriteResult> RetryAsync(long agentId, long messageId) =>
        writer.ExecuteAsync(new RetryOutbound(agentId, messageId));

    /// <summary>Cancels a scheduled text before it goes.</summary>
    public Task<WriteResult> CancelAsync(long agentId, long messageId) =>
        writer.ExecuteAsync(new CancelOutbound(agentId, messageId, "Canceled before it was sent."));
}

using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Messaging;

/// <summary>
/// Sending: store the message (queued) first, then hand it to the provider, then record what the
/// provider said. A provider error or a crash between the steps leaves a stored message, never a lost one.
/// </summary>
public sealed class OutboundSmsService(InboxWriter writer, ISmsSender sender, ILogger<OutboundSmsService> logger)
{
    public Task<WriteResult> SendAsync(long agentId, long conversationId, string body, CancellationToken ct = default) =>
        QueueAndSendAsync(new QueueOutbound(agentId, conversationId, null, body), ct);

    public Task<WriteResult> SendToNumberAsync(long agentId, string toPhone, string body, CancellationToken ct = default) =>
        QueueAndSendAsync(new QueueOutbound(agentId, null, toPhone, body), ct);

    public Task<WriteResult> RetryAsync(long agentId, long messageId, CancellationToken ct = default) =>
        QueueAndSendAsync(new RetryOutbound(agentId, messageId), ct);

    private async Task<WriteResult> QueueAndSendAsync(InboxCommand command, CancellationToken ct)
    {
        var queued = await writer.ExecuteAsync(command);
        if (queued.Outbound is not { } sms) return queued;

        SendResult result;
        try
        {
            result = await sender.SendAsync(sms, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            logger.LogWarning(ex, "Provider unreachable for message {MessageId}", sms.MessageId);
            result = SendResult.Refused(SendOutcome.Unknown, null, "Could not reach the SMS provider. Try again.");
        }
        await writer.ExecuteAsync(new RecordSendOutcome(sms.MessageId, result.Sid, result.Status, result.ErrorCode, result.ErrorMessage));
        return queued;
    }
}

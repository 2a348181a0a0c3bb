using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using Winnerr.Sms.Core.Messaging.TwilioHttp;

namespace Winnerr.Sms.Core.Messaging;

/// <summary>Sends through Twilio's Messages API with a status callback per message. Register with AddTwilioSender.</summary>
public sealed class TwilioSmsSender(TwilioRestClientFactory clients, IOptions<TwilioOptions> options, IStatusCallbackUrls callbacks, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    // Our clock and Twilio's (which stamps DateCreated) may disagree.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private const int ReconcilePageSize = 200;

    public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default)
    {
        var create = new CreateMessageOptions(new PhoneNumber(sms.To))
        {
            Body = sms.Body,
            StatusCallback = callbacks.For(sms.MessageId),
        };
        if (ServiceSid is { } service) create.MessagingServiceSid = service;
        else create.From = new PhoneNumber(sms.From);

        var client = clients.Create();
        try
        {
            // The SDK takes no CancellationToken: cancelling stops the wait, the request runs on to its timeout.
            var message = await MessageResource.CreateAsync(create, client).WaitAsync(ct);
            return SendResult.Accepted(message.Sid, StatusOf(message));
        }
        catch (ApiException ex)
        {
            return Refused(sms, NonZero(ex.Code), NonZero(ex.Status) ?? LastStatus(client), ex.Message);
        }
        catch (ApiStandardException ex)
        {
            return Refused(sms, NonZero(ex.Code), NonZero(ex.Status) ?? LastStatus(client), ex.Detail ?? ex.Title ?? ex.Message);
        }
        catch (Exception ex) when (IsNoAnswer(ex) && !ct.IsCancellationRequested)
        {
            // Twilio may have created the message before the answer was lost: the outbox reconciles before any resend.
            logger.LogWarning(ex.InnerException ?? ex, "No answer from Twilio for message {MessageId}; outcome unknown", sms.MessageId);
            return SendResult.Refused(SendOutcome.Unknown, null, "Twilio did not answer; whether it took the message is not known yet.");
        }
    }

    /// <summary>
    /// Twilio has no idempotency key on message creation, so after a lost answer or a crash between claim and
    /// record the only way to avoid a duplicate text is to look for the message Twilio may already hold.
    /// </summary>
    public async Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, IReadOnlySet<string> knownSids, CancellationToken ct = default)
    {
        // No DateSent filter: DateSent stays empty while a message waits in Twilio's queue (up to ~10 h), exactly the
        // messages we must find. With a Messaging Service, Twilio picks the sending number from its pool, so From is unknown.
        var read = new ReadMessageOptions { To = new PhoneNumber(sms.To), PageSize = ReconcilePageSize, Limit = ReconcilePageSize };
        var service = ServiceSid;
        if (service is null) read.From = new PhoneNumber(sms.From);

        var messages = await MessageResource.ReadAsync(read, clients.Create()).WaitAsync(ct);
        // Further pages would be fetched synchronously by the enumerator.
        messages.AutoPaging = false;

        var earliest = since - ClockSkew;
        var match = messages
            .Where(m => m.Sid is not null && !knownSids.Contains(m.Sid) && m.Body == sms.Body)
            .Where(m => service is null || m.MessagingServiceSid == service)
            .Select(m => (Message: m, Created: Utc(m.DateCreated)))
            .Where(m => m.Created >= earliest)
            .OrderByDescending(m => m.Created)
            .Select(m => m.Message)
            .FirstOrDefault();
        return match is null ? null : new ProviderMessage(match.Sid, StatusOf(match));
    }

    private string? ServiceSid => string.IsNullOrWhiteSpace(options.Value.MessagingServiceSid) ? null : options.Value.MessagingServiceSid;

    private SendResult Refused(OutboundSms sms, int? code, int? httpStatus, string message)
    {
        var outcome = TwilioErrors.Classify(code, httpStatus);
        var level = outcome == SendOutcome.Configuration ? LogLevel.Error : LogLevel.Warning;
        logger.Log(level, "Twilio refused message {MessageId}: {Outcome} {HttpStatus} {Code} {Reason}", sms.MessageId, outcome, httpStatus, code, message);
        return SendResult.Refused(outcome, code, message);
    }

    // The SDK wraps transport failures in ApiConnectionException; the rest are here in case a version does not.
    private static bool IsNoAnswer(Exception ex) =>
        ex is ApiConnectionException or HttpRequestException or TimeoutRejectedException or OperationCanceledException;

    // An error body the SDK cannot parse leaves ApiException.Status at 0; the status is still on the client's last response.
    private static int? LastStatus(TwilioRestClient client) => client.HttpClient.LastResponse is { } r ? (int)r.StatusCode : null;

    private static int? NonZero(int value) => value == 0 ? null : value;

    private static string StatusOf(MessageResource m) => m.Status?.ToString() ?? MessageStatus.Queued;

    // The SDK parses Twilio's RFC 1123 dates into local time.
    private static DateTimeOffset? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } d => new DateTimeOffset(d, TimeSpan.Zero),
        { } d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
    };
}

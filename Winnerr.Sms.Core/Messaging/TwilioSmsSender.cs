using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace Winnerr.Sms.Core.Messaging;

/// <summary>Sends through Twilio's Messages API with a status callback per message.</summary>
public sealed class TwilioSmsSender(IOptions<TwilioOptions> options, IStatusCallbackUrls callbacks, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    private readonly TwilioRestClient _client = new(options.Value.AccountSid, options.Value.AuthToken);

    public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct = default)
    {
        var create = new CreateMessageOptions(new Twilio.Types.PhoneNumber(sms.To))
        {
            Body = sms.Body,
            StatusCallback = callbacks.For(sms.MessageId),
        };
        if (!string.IsNullOrWhiteSpace(options.Value.MessagingServiceSid)) create.MessagingServiceSid = options.Value.MessagingServiceSid;
        else create.From = new Twilio.Types.PhoneNumber(sms.From);

        try
        {
            var message = await MessageResource.CreateAsync(create, _client);
            return SendResult.Accepted(message.Sid, message.Status?.ToString() ?? MessageStatus.Queued);
        }
        catch (ApiException ex)
        {
            logger.LogWarning("Twilio refused message {MessageId}: {Code} {Reason}", sms.MessageId, ex.Code, ex.Message);
            return SendResult.Refused(SendOutcome.Final, ex.Code, ex.Message);
        }
    }

    public Task<ProviderMessage?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, IReadOnlySet<string> knownSids, CancellationToken ct = default) =>
        Task.FromResult<ProviderMessage?>(null);
}

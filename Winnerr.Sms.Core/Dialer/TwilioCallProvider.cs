using Microsoft.Extensions.Logging;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using Winnerr.Sms.Core.Messaging.TwilioHttp;

namespace Winnerr.Sms.Core.Dialer;

/// <summary>
/// Click-to-call on Twilio Programmable Voice: Calls.create rings the agent's own phone with the connect webhook as
/// its url; that webhook's TwiML dials the contact. Uses the "Twilio" HttpClient (AddTwilioSender).
/// </summary>
public sealed class TwilioCallProvider(TwilioRestClientFactory clients, IVoiceCallbackUrls urls, ILogger<TwilioCallProvider> logger) : ICallProvider
{
    public async Task<CallPlaced> PlaceAsync(CallRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.AgentPhone))
            return CallPlaced.Refused("Set your own phone in the dialer settings: Twilio rings it first, then connects the contact.");
        if (urls.BaseUrl is null)
            return CallPlaced.Refused("Twilio:PublicBaseUrl is not set, so Twilio cannot reach the voice webhooks.");
        var create = new CreateCallOptions(new PhoneNumber(request.AgentPhone), new PhoneNumber(request.From))
        {
            Url = new Uri(urls.Connect(request.CallId)),
            Method = Twilio.Http.HttpMethod.Post,
            StatusCallback = new Uri(urls.Status(request.CallId, CallLeg.Agent)),
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
        };
        try
        {
            // Calls.create is not idempotent either; the call row exists before this, and a lost answer is reported, not retried.
            var call = await CallResource.CreateAsync(create, clients.Create()).WaitAsync(ct);
            return new CallPlaced(call.Sid, null);
        }
        catch (ApiException ex)
        {
            logger.LogWarning("Twilio refused call {CallId}: {Code} {Message}", request.CallId, ex.Code, ex.Message);
            return CallPlaced.Refused($"Twilio refused the call ({ex.Code}): {ex.Message}");
        }
    }

    public async Task<string?> HangUpAsync(DialerCall call, CancellationToken ct = default)
    {
        if (call.AgentCallSid is null) return "The call has not reached Twilio yet.";
        // Ending the agent's (parent) leg ends the dialled leg too. A call not yet answered is canceled, not completed.
        var status = call.Status == CallStatuses.InProgress || call.ContactCallSid is not null
            ? CallResource.UpdateStatusEnum.Completed
            : CallResource.UpdateStatusEnum.Canceled;
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(call.AgentCallSid) { Status = status }, clients.Create()).WaitAsync(ct);
            return null;
        }
        catch (ApiException ex)
        {
            logger.LogWarning("Twilio refused to hang up call {CallId}: {Code} {Message}", call.Id, ex.Code, ex.Message);
            return $"Twilio could not hang up ({ex.Code}): {ex.Message}";
        }
    }
}

using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace Winnerr.Sms.Core.Messaging.TwilioHttp;

/// <summary>Builds a TwilioRestClient over the named HttpClient, the way twilio-aspnet's AddTwilioClient does.</summary>
public sealed class TwilioRestClientFactory(IHttpClientFactory httpClients, IOptions<TwilioOptions> options)
{
    public const string HttpClientName = "Twilio";

    /// <summary>
    /// A new client per call: the factory's HttpClient is cheap and keeps handler rotation, and the SDK's
    /// LastResponse (the only place the HTTP status survives an unparseable error body) then belongs to one call.
    /// </summary>
    public TwilioRestClient Create()
    {
        var o = options.Value;
        var http = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName));
        return new TwilioRestClient(o.AccountSid, o.AuthToken, accountSid: o.AccountSid, httpClient: http);
    }
}

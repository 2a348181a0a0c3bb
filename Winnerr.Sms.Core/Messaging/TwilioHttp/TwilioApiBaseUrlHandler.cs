using Microsoft.Extensions.Options;

namespace Winnerr.Sms.Core.Messaging.TwilioHttp;

/// <summary>With Twilio:ApiBaseUrl set, sends Twilio REST calls there instead (a Twilio-compatible mock or a test stub).</summary>
internal sealed class TwilioApiBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.ApiBaseUrl is { Length: > 0 } baseUrl && request.RequestUri is { } uri && IsTwilioApi(uri))
            request.RequestUri = Rebase(new Uri(baseUrl), uri);
        return base.SendAsync(request, cancellationToken);
    }

    // The SDK builds api.twilio.com, or api.{edge}.{region}.twilio.com when an edge or region is set.
    private static bool IsTwilioApi(Uri uri) =>
        uri.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && uri.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase);

    internal static Uri Rebase(Uri baseUrl, Uri uri) =>
        new($"{baseUrl.GetLeftPart(UriPartial.Authority)}{baseUrl.AbsolutePath.TrimEnd('/')}{uri.PathAndQuery}");
}

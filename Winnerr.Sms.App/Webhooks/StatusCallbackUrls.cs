namespace Winnerr.Sms.App.Webhooks;

/// <summary>Twilio can only call back a public URL, so callbacks need Twilio:PublicBaseUrl.</summary>
public sealed class StatusCallbackUrls(IOptions<TwilioOptions> twilio) : IStatusCallbackUrls
{
    public Uri? For(long messageId) =>
        string.IsNullOrWhiteSpace(twilio.Value.PublicBaseUrl)
            ? null
            : new Uri($"{twilio.Value.PublicBaseUrl.TrimEnd('/')}/webhooks/twilio/status?mid={messageId}");
}

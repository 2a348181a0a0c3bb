namespace Winnerr.Sms.App.Webhooks;

/// <summary>Twilio can only call back a public URL: the voice webhooks need Twilio:PublicBaseUrl.</summary>
public sealed class VoiceCallbackUrls(IOptions<TwilioOptions> twilio) : IVoiceCallbackUrls
{
    public string? BaseUrl => string.IsNullOrWhiteSpace(twilio.Value.PublicBaseUrl) ? null : twilio.Value.PublicBaseUrl.TrimEnd('/');
}

/// <summary>The same URLs on the base a webhook came in on (the simulator's own address when there is no public URL).</summary>
public sealed record RequestCallbackUrls(string? BaseUrl) : IVoiceCallbackUrls;

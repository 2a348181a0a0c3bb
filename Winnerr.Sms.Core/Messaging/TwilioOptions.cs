namespace Winnerr.Sms.Core.Messaging;

public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    /// <summary>The agent's Twilio number in E.164.</summary>
    public string PhoneNumber { get; set; } = "";
    public string? MessagingServiceSid { get; set; }
    /// <summary>The public URL Twilio calls (a proxy or tunnel), used to validate signatures and build callback URLs.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Sends Twilio REST calls here instead of https://api.twilio.com (a Twilio-compatible mock, or a test stub).</summary>
    public string? ApiBaseUrl { get; set; }
    /// <summary>Retries of a request Twilio certainly did not process (429; for reads also 5xx and timeouts), after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>The first retry's delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public enum SmsTransport { Simulator, Twilio }

public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsTransport Transport { get; set; } = SmsTransport.Simulator;
    /// <summary>Region used to read numbers typed without a country code.</summary>
    public string DefaultRegion { get; set; } = "US";
}

/// <summary>Where Twilio should post status callbacks for a message (the id lets a callback find it before its SID is saved).</summary>
public interface IStatusCallbackUrls
{
    Uri? For(long messageId);
}

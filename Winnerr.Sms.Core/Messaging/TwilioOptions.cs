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

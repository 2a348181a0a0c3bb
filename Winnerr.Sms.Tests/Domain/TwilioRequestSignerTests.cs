using Twilio.Security;
using Winnerr.Sms.Core.Messaging;

namespace Winnerr.Sms.Tests.Domain;

/// <summary>The signer is only trustworthy for tests and the simulator if Twilio's own validator agrees with it.</summary>
public class TwilioRequestSignerTests
{
    private static readonly Dictionary<string, string> Form = new()
    {
        ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["From"] = "+12125550147", ["To"] = "+15005550006",
        ["Body"] = "Is 418 Maple still available? 🏡 naïve café {{x}} & more",
    };

    [Fact]
    public void WhenSignedWithTheToken_ThenTwilioValidatorAccepts()
    {
        const string url = "https://inbox.example.com/webhooks/twilio/status?mid=42";
        var signature = TwilioRequestSigner.Sign("secret-token", url, Form);
        Assert.True(new RequestValidator("secret-token").Validate(url, Form, signature));
    }

    [Fact]
    public void WhenTokenUrlOrBodyDiffer_ThenTwilioValidatorRejects()
    {
        const string url = "https://inbox.example.com/webhooks/twilio/sms";
        var signature = TwilioRequestSigner.Sign("secret-token", url, Form);
        var validator = new RequestValidator("secret-token");
        Assert.False(new RequestValidator("other-token").Validate(url, Form, signature));
        Assert.False(validator.Validate("https://evil.example.com/webhooks/twilio/sms", Form, signature));
        Assert.False(validator.Validate(url, new Dictionary<string, string>(Form) { ["Body"] = "tampered" }, signature));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Winnerr.Sms.Core.Messaging;

/// <summary>
/// Computes X-Twilio-Signature exactly as Twilio does for a form POST: HMAC-SHA1 (auth token as key)
/// over the full URL followed by each form parameter's name and value, sorted by name, base64-encoded.
/// Used by the simulator and the tests to sign requests; validation itself uses Twilio's own RequestValidator.
/// </summary>
public static class TwilioRequestSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(key).Append(value);
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Conversations;
using Winnerr.Sms.Core.Messaging;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>
/// Correctly signed webhooks whose form cannot be decoded. Each is signed over the values as a lenient
/// decoder reads them (what ASP.NET's own form reader would have handed the signature check), so the
/// refusal is about the body, not the signature.
/// </summary>
public class UndecodableWebhookTests : IAsyncLifetime
{
    private const string Inbound = "MessageSid=SM1&From=%2B12125550147&To=%2B15005550006&";
    private const string Status = "MessageSid=SMabc&MessageStatus=delivered&";

    private readonly SmsAppFactory _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        // The simulator's own status callbacks stay out of the way of the status-callback cases.
        _app.Settings["Simulator:StatusDelayMilliseconds"] = "600000";
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> UndecodableFields => new()
    {
        { "%ZZ", "has an invalid percent-escape '%ZZ'." },
        { "%FF%FE", "is not valid UTF-8." },
        { "%ED%A0%80", "is not valid UTF-8." },
        { "hi%00there", "contains a NUL character." },
    };

    [Theory]
    [MemberData(nameof(UndecodableFields))]
    public async Task WhenInboundBodyCannotBeDecoded_ThenBadRequestWithReasonAndNothingStored(string encodedBody, string reason)
    {
        var response = await _client.SendAsync(SignedRawPost("/webhooks/twilio/sms", Inbound + "Body=" + encodedBody));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The form could not be decoded: Body {reason}", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [MemberData(nameof(UndecodableFields))]
    public async Task WhenStatusCallbackCannotBeDecoded_ThenBadRequestWithReasonAndStatusUnchanged(string encodedError, string reason)
    {
        var agentId = await _app.AgentIdAsync(SmsAppFactory.AgentEmail);
        WriteResult queued = null!;
        // The outbox hands it to the simulator first; the simulator's own callbacks are far off (see the constructor).
        await _app.WaitForAsync<MessageStatusChanged>(agentId, _ => true,
            async () => queued = await _app.Services.GetRequiredService<InboxWriter>().ExecuteAsync(new QueueOutbound(agentId, null, "+12125550147", "hello")));
        string? sid;
        await using (var before = await _app.DbAsync()) sid = (await before.Messages.SingleAsync()).Sid;

        var response = await _client.SendAsync(SignedRawPost($"/webhooks/twilio/status?mid={queued.Outbound!.MessageId}", Status + "ErrorMessage=" + encodedError));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The form could not be decoded: ErrorMessage {reason}", await response.Content.ReadAsStringAsync());
        await using var db = await _app.DbAsync();
        var message = await db.Messages.SingleAsync();
        Assert.Equal(MessageStatus.Queued, message.Status);
        Assert.Equal(sid, message.Sid);
        Assert.Null(message.ErrorMessage);
    }

    [Theory]
    [InlineData("/webhooks/twilio/sms")]
    [InlineData("/webhooks/twilio/status")]
    public async Task WhenFormContentIsJson_ThenBadRequestWithReason(string path)
    {
        var response = await _client.SendAsync(SignedRawPost(path, """{"MessageSid":"SM1","From":"+12125550147","MessageStatus":"delivered"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The form could not be decoded: a part of the body is not a name=value pair.", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task WhenFormContentIsBinary_ThenBadRequestWithReason()
    {
        byte[] gzipHeader = [0x1F, 0x8B, 0x08, 0x00, 0x3D, 0x3D, 0xC3, 0x28];

        var response = await _client.SendAsync(SignedRawPost("/webhooks/twilio/sms", gzipHeader));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The form could not be decoded: ", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task WhenFormDeclaresAnotherCharset_ThenBadRequestWithReason()
    {
        var request = SignedRawPost("/webhooks/twilio/sms", Inbound + "Body=caf%E9");
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=iso-8859-1");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The form could not be decoded: the charset iso-8859-1 is not UTF-8.", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task WhenFormIsTooLarge_ThenBadRequestWithReason()
    {
        var response = await _client.SendAsync(SignedRawPost("/webhooks/twilio/sms", Inbound + "Body=" + new string('a', 300 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The form could not be decoded: the body is larger than 256 KB.", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task WhenBodyHasEmojiAndAccents_ThenItIsStoredIntact()
    {
        const string text = "Café à 14h ? Ça marche 👍🏽 — ok";
        var encoded = string.Concat(Encoding.UTF8.GetBytes(text).Select(b => $"%{b:X2}"));

        var response = await _client.SendAsync(SignedRawPost("/webhooks/twilio/sms", Inbound + "Body=" + encoded));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await _app.DbAsync();
        Assert.Equal(text, (await db.Messages.SingleAsync()).Body);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.Messages.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    private HttpRequestMessage SignedRawPost(string pathAndQuery, string body) => SignedRawPost(pathAndQuery, Encoding.UTF8.GetBytes(body));

    private HttpRequestMessage SignedRawPost(string pathAndQuery, byte[] body)
    {
        var url = _app.BaseAddress.GetLeftPart(UriPartial.Authority) + pathAndQuery;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(SmsAppFactory.AuthToken, url, LenientlyDecoded(body)));
        return request;
    }

    // Like ASP.NET's reader: undecodable escapes stay as text, invalid bytes become U+FFFD.
    private static IEnumerable<KeyValuePair<string, string>> LenientlyDecoded(byte[] body) =>
        Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => KeyValuePair.Create(Unescape(p[0]), p.Length > 1 ? Unescape(p[1]) : ""));

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}

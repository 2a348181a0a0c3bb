using System.Net;
using Microsoft.EntityFrameworkCore;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

public class TwilioWebhookTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> MessageCountAsync()
    {
        await using var db = await _app.DbAsync();
        return await db.Messages.CountAsync();
    }

    [Fact]
    public async Task WhenSignedInboundArrives_ThenItIsStoredAndAnsweredWithEmptyTwiml()
    {
        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "Is the house still available?")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync());
        await using var db = await _app.DbAsync();
        var message = await db.Messages.Include(m => m.Contact).SingleAsync();
        Assert.Equal(("Is the house still available?", "+12125550147", "received"), (message.Body, message.Contact.Phone, message.Status));
    }

    [Fact]
    public async Task WhenSignatureIsMissing_ThenForbiddenAndNothingStored()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms")
        {
            Content = new FormUrlEncodedContent(SmsAppFactory.InboundForm("+12125550147", "hi")),
        };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Missing X-Twilio-Signature", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await MessageCountAsync());
    }

    [Fact]
    public async Task WhenSignedWithAnotherToken_ThenForbiddenAndNothingStored()
    {
        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", "hi"), token: "forged-token"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await MessageCountAsync());
    }

    [Fact]
    public async Task WhenBodyIsTamperedAfterSigning_ThenForbiddenAndNothingStored()
    {
        var form = SmsAppFactory.InboundForm("+12125550147", "hi");
        var signed = _app.SignedPost("/webhooks/twilio/sms", form);
        var tampered = new HttpRequestMessage(HttpMethod.Post, signed.RequestUri)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["Body"] = "wire the deposit to account 123" }),
        };
        tampered.Headers.Add("X-Twilio-Signature", signed.Headers.GetValues("X-Twilio-Signature"));

        var response = await _client.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await MessageCountAsync());
    }

    [Fact]
    public async Task WhenSignatureWasMadeForAnotherUrl_ThenForbidden()
    {
        var form = SmsAppFactory.InboundForm("+12125550147", "hi");
        var signedForStatus = _app.SignedPost("/webhooks/twilio/status", form);
        var replayed = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        replayed.Headers.Add("X-Twilio-Signature", signedForStatus.Headers.GetValues("X-Twilio-Signature"));

        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(replayed)).StatusCode);
    }

    [Fact]
    public async Task WhenTwilioRetriesTheSameSid_ThenSecondDeliveryIsANoOp()
    {
        var form = SmsAppFactory.InboundForm("+12125550147", "hello", sid: "SM11111111111111111111111111111111");

        var first = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", form));
        var second = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", form));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = await _app.DbAsync();
        Assert.Equal(1, await db.Messages.CountAsync());
        Assert.Equal(1, (await db.Conversations.SingleAsync()).UnreadCount);
    }

    [Theory]
    [InlineData("From", "From is required.")]
    [InlineData("MessageSid", "MessageSid is required.")]
    public async Task WhenSignedInboundLacksARequiredField_ThenBadRequestWithReasonAndNothingStored(string missing, string reason)
    {
        var form = SmsAppFactory.InboundForm("+12125550147", "hi");
        form.Remove(missing);

        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        await using var db = await _app.DbAsync();
        Assert.Equal(0, await db.Messages.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task WhenSignedStatusHasUnknownStatusWord_ThenBadRequest()
    {
        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/status", new Dictionary<string, string>
        {
            ["MessageSid"] = "SMx", ["MessageStatus"] = "teleported",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("teleported", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenStatusIsForAMessageWeNeverSent_ThenItIsAcknowledgedAndIgnored()
    {
        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/status", new Dictionary<string, string>
        {
            ["MessageSid"] = "SMnotours", ["MessageStatus"] = "delivered",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ignored", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTextIsHugeAndFullOfEmoji_ThenItIsStoredExactly()
    {
        var body = string.Concat(Enumerable.Repeat("Open house 🏡🔑 — “Sat” 2 PM ✅ ", 60));

        var response = await _client.SendAsync(_app.SignedPost("/webhooks/twilio/sms", SmsAppFactory.InboundForm("+12125550147", body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await _app.DbAsync();
        Assert.Equal(body, (await db.Messages.SingleAsync()).Body);
        Assert.Equal(140, (await db.Conversations.SingleAsync()).LastMessagePreview.Length);
    }

    [Fact]
    public async Task WhenBehindAProxyWithPublicBaseUrl_ThenSignatureIsCheckedAgainstThePublicUrl()
    {
        await using var app = new SmsAppFactory();
        app.Settings["Twilio:PublicBaseUrl"] = "https://sms.example.com/";
        var client = app.CreateClient();
        var form = SmsAppFactory.InboundForm("+12125550147", "via the tunnel");

        var signedForPublic = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        signedForPublic.Headers.Add("X-Twilio-Signature",
            Winnerr.Sms.Core.Messaging.TwilioRequestSigner.Sign(SmsAppFactory.AuthToken, "https://sms.example.com/webhooks/twilio/sms", form));
        var signedForLocal = app.SignedPost("/webhooks/twilio/sms", form);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signedForPublic)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(signedForLocal)).StatusCode);
    }

    [Fact]
    public async Task WhenProxyForwardsSchemeAndHost_ThenSignatureIsCheckedAgainstTheForwardedUrl()
    {
        var form = SmsAppFactory.InboundForm("+12125550147", "forwarded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "inbox.example.com");
        request.Headers.Add("X-Twilio-Signature",
            Winnerr.Sms.Core.Messaging.TwilioRequestSigner.Sign(SmsAppFactory.AuthToken, "https://inbox.example.com/webhooks/twilio/sms", form));

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }
}

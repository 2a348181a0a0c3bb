using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Winnerr.Sms.App.Simulator;

/// <summary>
/// Posts signed form requests to this app's own Twilio webhooks, exactly as Twilio would: the
/// simulator's texts and status callbacks take the same path (and the same signature check) as real ones.
/// </summary>
public sealed class TwilioWebhookClient(
    IHttpClientFactory httpFactory, IServer server, IHostApplicationLifetime lifetime, IOptions<TwilioOptions> twilio, IOptions<SimulatorOptions> simulator)
{
    public const string HttpClientName = "twilio-simulator";

    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, CancellationToken ct = default)
    {
        // Texts recovered at start-up are sent while the app is still starting; like Twilio, call it back once it listens.
        await StartedAsync(ct);
        var self = SelfBaseUrl();
        // Sign the URL the signature filter will rebuild: the public one when configured.
        var signedBase = string.IsNullOrWhiteSpace(twilio.Value.PublicBaseUrl) ? self : twilio.Value.PublicBaseUrl.TrimEnd('/');
        var signature = TwilioRequestSigner.Sign(twilio.Value.AuthToken, signedBase + pathAndQuery, form);

        using var request = new HttpRequestMessage(HttpMethod.Post, self + pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        var client = httpFactory.CreateClient(HttpClientName);
        return await client.SendAsync(request, ct);
    }

    public Task<HttpResponseMessage> PostInboundSmsAsync(string from, string to, string body, CancellationToken ct = default) =>
        PostAsync("/webhooks/twilio/sms", new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid, ["ApiVersion"] = "2010-04-01", ["MessageSid"] = NewSid(), ["SmsSid"] = NewSid(),
            ["SmsStatus"] = "received", ["From"] = from, ["To"] = to, ["Body"] = body, ["NumMedia"] = "0", ["NumSegments"] = "1",
        }, ct);

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    public string AccountSid => string.IsNullOrWhiteSpace(twilio.Value.AccountSid) ? "ACsimulator00000000000000000000000" : twilio.Value.AccountSid;

    private async Task StartedAsync(CancellationToken ct)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }

    private string SelfBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(simulator.Value.SelfBaseUrl)) return simulator.Value.SelfBaseUrl.TrimEnd('/');
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server has no addresses yet.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.First();
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://[::1]"));
        return uri.GetLeftPart(UriPartial.Authority);
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>A real HTTP server speaking Twilio's Calls create and update endpoints, on a random loopback port (TwilioApiStub's twin for voice).</summary>
public sealed class TwilioCallsStub : IAsyncDisposable
{
    private const string CallsPath = $"/2010-04-01/Accounts/{TwilioApiStub.AccountSid}/Calls";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, Dictionary<string, List<string>> Form)> _posts = new();

    private TwilioCallsStub(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.Single());
    public IReadOnlyList<(string Path, Dictionary<string, List<string>> Form)> Posts => [.. _posts];
    /// <summary>When set, a create answers this Twilio error code (400) instead of a call.</summary>
    public int? RefuseWith { get; set; }

    public static async Task<TwilioCallsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var stub = new TwilioCallsStub(app);
        app.MapPost(CallsPath + ".json", http => stub.AnswerAsync(http, null));
        app.MapPost(CallsPath + "/{sid}.json", (HttpContext http, string sid) => stub.AnswerAsync(http, sid));
        await app.StartAsync();
        return stub;
    }

    private async Task AnswerAsync(HttpContext http, string? sid)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToList());
        _posts.Enqueue((http.Request.Path, form));
        if (sid is null && RefuseWith is { } code)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsJsonAsync(new Dictionary<string, object?> { ["code"] = code, ["message"] = $"Stub error {code}", ["status"] = 400 });
            return;
        }
        http.Response.StatusCode = sid is null ? 201 : 200;
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["sid"] = sid ?? "CA" + Guid.NewGuid().ToString("N"), ["account_sid"] = TwilioApiStub.AccountSid,
            ["status"] = form.TryGetValue("Status", out var s) ? s[0] : "queued", ["to"] = form.GetValueOrDefault("To")?[0], ["from"] = form.GetValueOrDefault("From")?[0],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

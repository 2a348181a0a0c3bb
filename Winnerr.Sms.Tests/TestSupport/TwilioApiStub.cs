using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// A real HTTP server speaking the two Twilio Messages endpoints the sender uses, on a random loopback port.
/// Each request takes the next scripted reply for its method; without one, a create succeeds and a read lists <see cref="Messages"/>.
/// </summary>
public sealed class TwilioApiStub : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    private const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubReply> _posts = new();
    private readonly ConcurrentQueue<StubReply> _gets = new();
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    private TwilioApiStub(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.Single());
    public IReadOnlyList<StubRequest> Requests => [.. _requests];
    public IReadOnlyList<StubRequest> Posts => [.. _requests.Where(r => r.Method == "POST")];
    public IReadOnlyList<StubRequest> Gets => [.. _requests.Where(r => r.Method == "GET")];
    public ConcurrentBag<StubMessage> Messages { get; } = [];

    public static async Task<TwilioApiStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var stub = new TwilioApiStub(app);
        app.MapPost(MessagesPath, stub.CreateAsync);
        app.MapGet(MessagesPath, stub.ListAsync);
        await app.StartAsync();
        return stub;
    }

    public void ReplyToPosts(params StubReply[] replies) { foreach (var r in replies) _posts.Enqueue(r); }
    public void ReplyToGets(params StubReply[] replies) { foreach (var r in replies) _gets.Enqueue(r); }

    private async Task CreateAsync(HttpContext http)
    {
        var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        _requests.Enqueue(new StubRequest("POST", Stopwatch.GetTimestamp(), form, new Dictionary<string, string>()));
        var reply = _posts.TryDequeue(out var scripted) ? scripted : StubReply.Created();
        var message = new StubMessage(reply.Sid ?? $"SM{Guid.NewGuid():N}", form.GetValueOrDefault("Body", ""),
            form.GetValueOrDefault("From", "+15005550006"), form["To"], DateTimeOffset.UtcNow, form.GetValueOrDefault("MessagingServiceSid"));
        await reply.WriteAsync(http, message);
    }

    private async Task ListAsync(HttpContext http)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        _requests.Enqueue(new StubRequest("GET", Stopwatch.GetTimestamp(), new Dictionary<string, string>(), query));
        if (_gets.TryDequeue(out var scripted))
        {
            await scripted.WriteAsync(http, null);
            return;
        }
        // Twilio filters on To and From itself.
        var listed = Messages
            .Where(m => !query.TryGetValue("To", out var to) || m.To == to)
            .Where(m => !query.TryGetValue("From", out var from) || m.From == from)
            .OrderByDescending(m => m.Created)
            .Select(m => m.ToJson());
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["messages"] = listed.ToList(), ["page"] = 0, ["page_size"] = 50, ["start"] = 0, ["end"] = 0,
            ["uri"] = http.Request.Path + http.Request.QueryString, ["first_page_uri"] = null, ["next_page_uri"] = null, ["previous_page_uri"] = null,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record StubRequest(string Method, long Timestamp, IReadOnlyDictionary<string, string> Form, IReadOnlyDictionary<string, string> Query);

/// <summary>A message as Twilio lists it.</summary>
public sealed record StubMessage(string Sid, string Body, string From, string To, DateTimeOffset Created, string? MessagingServiceSid = null, string Status = "queued")
{
    public Dictionary<string, object?> ToJson() => new()
    {
        ["sid"] = Sid, ["account_sid"] = TwilioApiStub.AccountSid, ["messaging_service_sid"] = MessagingServiceSid,
        ["status"] = Status, ["direction"] = "outbound-api", ["body"] = Body, ["from"] = From, ["to"] = To,
        ["num_segments"] = "1", ["num_media"] = "0", ["error_code"] = null, ["error_message"] = null,
        // Twilio writes dates in RFC 1123 with a numeric zone.
        ["date_created"] = Rfc1123(Created), ["date_updated"] = Rfc1123(Created), ["date_sent"] = null,
        ["api_version"] = "2010-04-01", ["uri"] = $"/2010-04-01/Accounts/{TwilioApiStub.AccountSid}/Messages/{Sid}.json",
    };

    private static string Rfc1123(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}

/// <summary>One scripted answer: a created message, a Twilio error body (an HTML page when there is no code), or no answer at all.</summary>
public sealed record StubReply(int Status, int? Code = null, string? Sid = null, bool Hang = false)
{
    public static StubReply Created(string? sid = null) => new(201, Sid: sid);
    public static StubReply Error(int status, int? code = null) => new(status, code);
    public static StubReply NoAnswer() => new(0, Hang: true);

    public async Task WriteAsync(HttpContext http, StubMessage? created)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        http.Response.StatusCode = Status;
        if (Status == 201 && created is not null)
        {
            await http.Response.WriteAsJsonAsync(created.ToJson());
            return;
        }
        if (Code is null)
        {
            // What a proxy or load balancer in front of Twilio sends: not Twilio's JSON.
            await http.Response.WriteAsync("<html><body>Service unavailable</body></html>");
            return;
        }
        var body = new Dictionary<string, object?>
        {
            ["code"] = Code, ["message"] = $"Stub error {Code}", ["more_info"] = $"https://www.twilio.com/docs/errors/{Code}", ["status"] = Status,
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// A real HTTP server speaking OpenAI's chat-completions protocol on a random loopback port (POST /v1/chat/completions).
/// Each request takes the next scripted reply; without one it answers <see cref="Default"/>.
/// </summary>
public sealed class OpenAiChatStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ChatStubReply> _replies = new();
    private readonly ConcurrentQueue<JsonDocument> _requests = new();

    private OpenAiChatStub(WebApplication app) => _app = app;

    /// <summary>What Ai:Endpoint is set to.</summary>
    public string Endpoint => _app.Urls.Single() + "/v1";
    public IReadOnlyList<JsonDocument> Requests => [.. _requests];
    public ChatStubReply Default { get; set; } = ChatStubReply.Suggestions(("schedule_showing", "Happy to show it! What day works for you?"));

    public static async Task<OpenAiChatStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var stub = new OpenAiChatStub(app);
        app.MapPost("/v1/chat/completions", stub.CompleteAsync);
        await app.StartAsync();
        return stub;
    }

    public void Reply(params ChatStubReply[] replies) { foreach (var r in replies) _replies.Enqueue(r); }

    private async Task CompleteAsync(HttpContext http)
    {
        _requests.Enqueue(await JsonDocument.ParseAsync(http.Request.Body));
        var reply = _replies.TryDequeue(out var scripted) ? scripted : Default;
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        if (http.RequestAborted.IsCancellationRequested) return;
        http.Response.StatusCode = reply.Status;
        if (reply.Status != 200)
        {
            await http.Response.WriteAsJsonAsync(new { error = new { message = "stub failure", type = "server_error", code = "stub" } });
            return;
        }
        await http.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-stub", ["object"] = "chat.completion", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = "stub-model",
            ["choices"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["index"] = 0, ["finish_reason"] = "stop",
                    ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = reply.Content },
                },
            },
            ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One scripted answer: a message content (JSON for structured output), an HTTP error, or a late answer.</summary>
public sealed record ChatStubReply(string? Content, int Status = 200, TimeSpan Delay = default)
{
    public static ChatStubReply Suggestions(params (string Intent, string Text)[] items) =>
        new(JsonSerializer.Serialize(new { suggestions = items.Select(i => new { intent = i.Intent, text = i.Text }) }));

    public static ChatStubReply Empty() => new(JsonSerializer.Serialize(new { suggestions = Array.Empty<object>() }));
    public static ChatStubReply EmptyContent() => new("");
    public static ChatStubReply Error(int status = 500) => new(null, status);
    public static ChatStubReply Slow(TimeSpan delay) => Suggestions(("late", "Too late to be used.")) with { Delay = delay };
}

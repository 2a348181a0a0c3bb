using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// A configured OpenAI-compatible endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM) through Microsoft.Extensions.AI,
/// with structured output. A timeout, an error, or an empty or unusable answer returns null (the caller falls back
/// to the embedded engine) and is logged. What the model writes passes the same filters as the library's replies.
/// </summary>
public sealed partial class ChatSuggestionEngine(IOptions<AiOptions> options, ILoggerFactory loggers, ILogger<ChatSuggestionEngine> logger) : IDisposable
{
    private readonly Lazy<IChatClient?> _client = new(() => Create(options.Value, loggers));

    public bool IsConfigured => options.Value.UsesEndpoint;

    public sealed record Answer(List<Draft> Suggestions);
    public sealed record Draft(string Intent, string Text);

    public async Task<IReadOnlyList<Suggestion>?> SuggestAsync(SuggestionInput input, CancellationToken ct = default)
    {
        if (_client.Value is not { } client) return null;
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            var response = await client.GetResponseAsync<Answer>(Prompt(input), new ChatOptions { Temperature = 0.3f, MaxOutputTokens = 600 },
                useJsonSchemaResponseFormat: o.JsonSchema, cancellationToken: timeout.Token);
            if (!response.TryGetResult(out var answer) || answer?.Suggestions is not { Count: > 0 } drafts)
            {
                logger.LogWarning("The AI endpoint gave an empty or unreadable answer for conversation {ConversationId}; using the embedded engine", input.ConversationId);
                return null;
            }
            var kept = Filter(drafts, input);
            if (kept.Count == 0)
            {
                logger.LogWarning("None of the AI endpoint's {Count} suggestions passed the filters for conversation {ConversationId}; using the embedded engine",
                    drafts.Count, input.ConversationId);
                return null;
            }
            return kept;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The AI endpoint took longer than {Seconds} s for conversation {ConversationId}; using the embedded engine", o.TimeoutSeconds, input.ConversationId);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The AI endpoint failed for conversation {ConversationId}; using the embedded engine", input.ConversationId);
            return null;
        }
    }

    /// <summary>Short, distinct intents, nothing the record does not hold, no token left unfilled, no sensitive topic.</summary>
    public static IReadOnlyList<Suggestion> Filter(IEnumerable<Draft> drafts, SuggestionInput input)
    {
        var kept = new List<Suggestion>();
        foreach (var draft in drafts)
        {
            if (kept.Count == 3) break;
            var text = ReplyRenderer.Tidy(draft.Text ?? "");
            var intent = string.IsNullOrWhiteSpace(draft.Intent) ? $"model-{kept.Count}" : draft.Intent.Trim().ToLowerInvariant();
            if (!ReplyRenderer.Fits(text) || text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal)) continue;
            if (SuggestionGate.SensitiveTopic(text) is not null || !Grounded(text, input)) continue;
            if (kept.Any(k => k.Intent == intent || string.Equals(k.Text, text, StringComparison.OrdinalIgnoreCase))) continue;
            kept.Add(new Suggestion(text, intent, $"model:{intent}", 1.0, "model"));
        }
        return kept;
    }

    /// <summary>Every number in the reply (a price, an address, a time) must appear in the record or the conversation.</summary>
    public static bool Grounded(string text, SuggestionInput input)
    {
        var known = new StringBuilder();
        known.Append(input.Contact.PropertyAddress).Append(' ').Append(input.AgentName).Append(' ');
        if (input.Contact.ShowingAt is { } at)
        {
            var zone = input.Contact.TimeZone is { } z && TimeZoneInfo.TryFindSystemTimeZoneById(z, out var tz) ? tz : TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(at, zone);
            known.Append(local.ToString("d h:mm H HH M MM dd yyyy", CultureInfo.InvariantCulture)).Append(' ');
        }
        foreach (var turn in input.Turns) known.Append(turn.Body).Append(' ');
        var facts = known.ToString();
        return Numbers().Matches(text).All(m => facts.Contains(m.Value, StringComparison.Ordinal));
    }

    private static List<ChatMessage> Prompt(SuggestionInput input)
    {
        var c = input.Contact;
        var showing = c.ShowingAt is { } at
            ? TimeZoneInfo.ConvertTime(at, c.TimeZone is { } z && TimeZoneInfo.TryFindSystemTimeZoneById(z, out var tz) ? tz : TimeZoneInfo.Utc)
                .ToString(Templates.TemplateRenderer.ShowingTimeFormat, CultureInfo.InvariantCulture)
            : "unknown";
        var system = $"""
            You are Winnie, drafting SMS replies for {input.AgentName}, a real-estate agent, to a contact's latest text.
            Suggest 2 or 3 replies the agent could send next, each with a different intent (a short snake_case label).
            Each reply: one SMS, at most 160 characters, plain characters, in the contact's language, friendly and professional.
            Facts you may use, and no others: contact first name: {Or(c.FirstName)}; property address: {Or(c.PropertyAddress)};
            next showing: {showing}; agent name: {input.AgentName}; and what the messages say.
            Never invent prices, addresses, times, availability or other facts; offer to check or to call instead.
            Money transfers, contracts, legal questions and neighbourhood opinions are for a phone call, never a text.
            """;
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        // The contact's texts are the user's, the agent's are the assistant's (as Chatwoot does).
        foreach (var turn in input.Turns.TakeLast(SuggestionInput.MaxTurns))
            messages.Add(new ChatMessage(turn.Direction == MessageDirection.Inbound ? ChatRole.User : ChatRole.Assistant, turn.Body));
        return messages;
    }

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "unknown" : value.Trim();

    private static IChatClient? Create(AiOptions o, ILoggerFactory loggers)
    {
        if (!o.UsesEndpoint) return null;
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(o.Endpoint!),
            // The timeout is ours; retries would only spend it.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds) + 1),
        });
        return new ChatClientBuilder(client.GetChatClient(o.Model!).AsIChatClient()).UseLogging(loggers).Build();
    }

    [GeneratedRegex(@"\d+(?:[:.,]\d+)*")]
    private static partial Regex Numbers();

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value?.Dispose();
    }
}

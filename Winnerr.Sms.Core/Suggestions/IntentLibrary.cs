using System.Text.Json;
using System.Text.Json.Serialization;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>A reply draft of an intent; <see cref="Lang"/> is "en" unless said.</summary>
public sealed record IntentReply(string Text, string? Lang = null)
{
    public string Language => Lang ?? "en";
}

/// <summary>
/// A real-estate intent: example texts a contact might send, and replies that use template tokens.
/// A blocking intent (<see cref="Block"/>) has no replies: a text that reads as it gets no suggestion at all.
/// A context-only intent is offered only when the conversation supports it (a time the agent proposed).
/// </summary>
public sealed record Intent(string Id, string? Label, IReadOnlyList<string> Examples, IReadOnlyList<IntentReply>? Replies, bool Block = false, bool ContextOnly = false)
{
    public IReadOnlyList<IntentReply> ReplyList => Replies ?? [];
}

/// <summary>The intent library shipped in the repo (<c>Suggestions/intents.json</c>, embedded in the assembly).</summary>
public sealed class IntentLibrary(IReadOnlyList<Intent> intents)
{
    /// <summary>A time the agent proposed earlier in the conversation; filled in before the template is rendered.</summary>
    public const string ProposedTimeToken = "{{proposed_time}}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public IReadOnlyList<Intent> Intents { get; } = intents;

    public Intent this[string id] => Intents.First(i => i.Id == id);

    public static IntentLibrary LoadEmbedded()
    {
        using var stream = typeof(IntentLibrary).Assembly.GetManifestResourceStream("Winnerr.Sms.Core.Suggestions.intents.json")
            ?? throw new InvalidOperationException("The intent library is not embedded in Winnerr.Sms.Core.");
        return Parse(stream);
    }

    public static IntentLibrary Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<LibraryFile>(json, Json) ?? throw new InvalidOperationException("The intent library is empty.");
        return new IntentLibrary(file.Intents);
    }

    private sealed record LibraryFile([property: JsonPropertyName("intents")] List<Intent> Intents);
}

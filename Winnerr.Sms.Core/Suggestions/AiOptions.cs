namespace Winnerr.Sms.Core.Suggestions;

/// <summary>Settings of AI-suggested replies (section <c>Ai</c>).</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>Off: no model is loaded and no suggestions are made.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>An OpenAI-compatible base URL (OpenAI, Azure OpenAI v1, Ollama, vLLM); empty uses the embedded engine only.</summary>
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>How long the endpoint gets before the embedded engine answers instead.</summary>
    public double TimeoutSeconds { get; set; } = 4;
    /// <summary>Ask for a JSON-schema response format; turn off for local servers that do not support it.</summary>
    public bool JsonSchema { get; set; } = true;

    public bool UsesEndpoint => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

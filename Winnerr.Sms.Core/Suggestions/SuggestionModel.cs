using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.Core.Suggestions;

/// <summary>The embedded engine's loaded state: the generator and the intent library's embedded examples. Null until ready.</summary>
public sealed record LoadedModel(IEmbeddingGenerator<string, Embedding<float>> Generator, IntentLibrary Library, IReadOnlyList<IntentVectors> Intents);

/// <summary>
/// Loads the model once per process, in the background after start-up: the app serves at once and suggestions
/// appear once this is ready (<see cref="Ready"/> fires; watched conversations are then computed).
/// </summary>
public sealed class SuggestionModel(IServiceProvider services, IntentLibrary library, EmbeddingStore store, IHostApplicationLifetime lifetime,
    IOptions<AiOptions> options, ILogger<SuggestionModel> logger) : BackgroundService
{
    private readonly TaskCompletionSource<LoadedModel> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoadedModel? Current { get; private set; }
    public Task<LoadedModel> Loaded => _loaded.Task;
    public TimeSpan? LoadTime { get; private set; }

    public event Action? Ready;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Start-up first: the model waits until the host serves.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var loaded = await Task.Run(() => LoadAsync(stoppingToken), stoppingToken);
            LoadTime = clock.Elapsed;
            Current = loaded;
            _loaded.TrySetResult(loaded);
            logger.LogInformation("Suggestion model ready in {Ms} ms ({Intents} intents)", (int)clock.Elapsed.TotalMilliseconds, loaded.Intents.Count);
            Ready?.Invoke();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The inbox works without suggestions; an engine that cannot load says so once.
            logger.LogError(ex, "The suggestion model could not be loaded; no suggestions will be made");
            _loaded.TrySetException(ex);
        }
    }

    private async Task<LoadedModel> LoadAsync(CancellationToken ct)
    {
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        return await BuildAsync(generator, library, texts => store.GetAsync(generator, texts, ct));
    }

    /// <summary>Embeds the library's examples (through <paramref name="embed"/>: the store in the app, the model itself in the evaluation).</summary>
    public static async Task<LoadedModel> BuildAsync(IEmbeddingGenerator<string, Embedding<float>> generator, IntentLibrary library,
        Func<IReadOnlyList<string>, Task<float[][]>> embed)
    {
        var examples = library.Intents.SelectMany(i => i.Examples).Distinct().ToList();
        var vectors = await embed(examples);
        var byText = examples.Select((t, i) => (t, v: vectors[i])).ToDictionary(x => x.t, x => x.v);
        var intents = library.Intents.Select(i => new IntentVectors(i, i.Examples.Select(e => byText[e]).ToArray())).ToList();
        return new LoadedModel(generator, library, intents);
    }
}

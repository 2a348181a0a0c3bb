using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>One MiniLM per test process (loading it costs a second and ~90 MB); hosts share it instead of loading their own.</summary>
public static class SharedMiniLm
{
    private static readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> Model = new(() => new Shared(new MiniLmEmbeddingGenerator()));

    public static IEmbeddingGenerator<string, Embedding<float>> Instance => Model.Value;

    /// <summary>Turns suggestions on in <paramref name="factory"/>, with the shared model.</summary>
    public static SmsAppFactory WithSuggestions(this SmsAppFactory factory)
    {
        factory.Settings["Ai:Enabled"] = "true";
        var before = factory.ConfigureTestServices;
        factory.ConfigureTestServices = services =>
        {
            before?.Invoke(services);
            services.AddSingleton(Instance);
        };
        return factory;
    }

    /// <summary>Hosts come and go; the model stays for the process.</summary>
    private sealed class Shared(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        protected override void Dispose(bool disposing) { }
    }
}

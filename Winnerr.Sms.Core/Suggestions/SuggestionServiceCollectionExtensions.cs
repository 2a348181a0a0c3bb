using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Winnerr.Sms.Core.Suggestions;

public static class SuggestionServiceCollectionExtensions
{
    /// <summary>
    /// AI-suggested replies. Call after the host registered its <see cref="IInboxEventPublisher"/>: that publisher is
    /// wrapped so committed events also reach the suggestion worker.
    /// </summary>
    public static IServiceCollection AddSmsSuggestions(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AiOptions>(config.GetSection(AiOptions.Section));
        services.Configure<RankerOptions>(config.GetSection($"{AiOptions.Section}:Ranker"));
        services.AddSingleton(_ => IntentLibrary.LoadEmbedded());
        // Created on first use, by the background loader: never on the start-up path.
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new MiniLmEmbeddingGenerator());
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<AgentHistory>();
        services.AddSingleton<SuggestionFeedbackLog>();
        services.AddSingleton<EmbeddedSuggestionEngine>();
        services.AddSingleton<ChatSuggestionEngine>();
        services.AddSingleton<SuggestionService>();
        services.AddSingleton<SuggestionWatch>();
        services.AddSingleton<SuggestionModel>();
        services.AddHostedService(sp => sp.GetRequiredService<SuggestionModel>());
        services.AddSingleton<SuggestionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SuggestionWorker>());

        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IInboxEventPublisher))
            ?? throw new InvalidOperationException("Register an IInboxEventPublisher before AddSmsSuggestions.");
        services.Remove(existing);
        services.AddSingleton<IInboxEventPublisher>(sp => new SuggestingPublisher(Resolve(sp, existing), sp.GetRequiredService<SuggestionWorker>()));
        return services;
    }

    private static IInboxEventPublisher Resolve(IServiceProvider sp, ServiceDescriptor d) =>
        (IInboxEventPublisher)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}

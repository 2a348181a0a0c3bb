using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.Tests.Store.Flux;

/// <summary>A root provider plus one scope, standing in for one circuit.</summary>
internal sealed class FluxTestHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    public FluxTestHost(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddFlux(typeof(FluxTestHost).Assembly);
        configure?.Invoke(services);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _root.CreateAsyncScope();
    }

    public CollectingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public IStore Store => Services.GetRequiredService<IStore>();

    public IDispatcher Dispatcher => Services.GetRequiredService<IDispatcher>();

    public IState<TState> State<TState>() => Services.GetRequiredService<IState<TState>>();

    public IServiceScope CreateScope() => _root.CreateScope();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}

namespace Winnerr.Sms.App.Store.Flux;

public interface IStore
{
    /// <summary>Features by name.</summary>
    IReadOnlyDictionary<string, IFeature> Features { get; }

    /// <summary>Completes once <see cref="InitializeAsync"/> has run.</summary>
    Task Initialized { get; }

    /// <summary>Starts processing actions, including those queued before this call. Idempotent.</summary>
    Task InitializeAsync();

    /// <summary>Failures of effects, reducers or subscribers; they are always logged too.</summary>
    event EventHandler<Exception>? UnhandledException;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// One per circuit. Actions are processed one at a time, in dispatch order: reducers, then
/// <see cref="ActionDispatched"/>, then effects (started, not awaited).
/// </summary>
public sealed class Store : IStore, IDispatcher, IDisposable, IAsyncDisposable
{
    private readonly FluxDefinition _definition;
    private readonly IServiceProvider _services;
    private readonly ILogger<Store> _logger;
    private readonly IMutableFeature[] _features;
    private readonly object?[] _effectsInstances;
    private readonly Lock _gate = new();
    private readonly Queue<object> _queue = new();
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _isInitialized;
    private bool _isProcessing;
    private int _disposed;

    internal Store(FluxDefinition definition, IServiceProvider services, ILogger<Store> logger)
    {
        _definition = definition;
        _services = services;
        _logger = logger;
        _features = [.. definition.Features.Select(f => f.Create())];
        _effectsInstances = new object?[definition.EffectsClasses.Count];
        Features = _features.ToDictionary(f => f.GetName(), f => (IFeature)f, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, IFeature> Features { get; }

    public Task Initialized => _initialized.Task;

    public event EventHandler<ActionDispatchedEventArgs>? ActionDispatched;

    public event EventHandler<Exception>? UnhandledException;

    public Task InitializeAsync()
    {
        lock (_gate)
        {
            if (_isInitialized)
            {
                return Task.CompletedTask;
            }

            _isInitialized = true;
        }

        _initialized.TrySetResult();
        TryProcessQueue();
        return Task.CompletedTask;
    }

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Effects still running when the circuit ends may dispatch; there is no one left to see it.
            _logger.LogDebug("Dropped {ActionType} dispatched after the store was disposed.", action.GetType().Name);
            return;
        }

        lock (_gate)
        {
            _queue.Enqueue(action);
        }

        TryProcessQueue();
    }

    /// <summary>
    /// The first thread to find the queue idle drains it; everyone else (other threads, and re-entrant
    /// dispatches from subscribers or effects) only enqueues. So when every Dispatch call has returned,
    /// every action has been reduced.
    /// </summary>
    private void TryProcessQueue()
    {
        lock (_gate)
        {
            if (!_isInitialized || _isProcessing)
            {
                return;
            }

            _isProcessing = true;
        }

        while (true)
        {
            object action;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out action!))
                {
                    _isProcessing = false;
                    return;
                }
            }

            Process(action);
        }
    }

    private void Process(object action)
    {
        var handlers = _definition.GetHandlers(action.GetType());
        if (!TryReduce(action, handlers.Reducers))
        {
            return;
        }

        try
        {
            ActionDispatched?.Invoke(this, new ActionDispatchedEventArgs(action));
        }
        catch (Exception ex)
        {
            Report(ex, action);
        }

        foreach (var effect in handlers.Effects)
        {
            StartEffect(effect, action);
        }
    }

    /// <returns>False if a reducer threw; the action is then dropped without changing any state.</returns>
    private bool TryReduce(object action, ReducerDescriptor[] reducers)
    {
        if (reducers.Length == 0)
        {
            return true;
        }

        // Computed first and committed together, so one failing reducer leaves no feature half-updated.
        var newStates = new object?[_features.Length];
        try
        {
            foreach (var reducer in reducers)
            {
                var current = newStates[reducer.FeatureIndex] ?? _features[reducer.FeatureIndex].GetState();
                newStates[reducer.FeatureIndex] = reducer.Reduce(current, action)
                    ?? throw new InvalidOperationException($"Reducer {reducer.Method} returned null.");
            }
        }
        catch (Exception ex)
        {
            Report(ex, action);
            return false;
        }

        var changed = new List<IMutableFeature>();
        for (var i = 0; i < newStates.Length; i++)
        {
            if (newStates[i] is { } state && _features[i].SetState(state))
            {
                changed.Add(_features[i]);
            }
        }

        foreach (var feature in changed)
        {
            try
            {
                feature.NotifyStateChanged();
            }
            catch (Exception ex)
            {
                Report(ex, action);
            }
        }

        return true;
    }

    private void StartEffect(EffectDescriptor effect, object action)
    {
        Task task;
        try
        {
            var instance = effect.EffectsClassIndex < 0 ? null : GetEffectsInstance(effect.EffectsClassIndex);
            task = effect.Handle(instance, action, this);
        }
        catch (Exception ex)
        {
            Report(ex, action);
            return;
        }

        if (!task.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(task, action);
        }
    }

    // Created on first use rather than at initialisation, so an effects class whose dependencies a
    // given container lacks only fails when one of its actions is actually dispatched.
    private object GetEffectsInstance(int index) =>
        _effectsInstances[index] ??= ActivatorUtilities.CreateInstance(_services, _definition.EffectsClasses[index]);

    private async Task ObserveAsync(Task task, object action)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Report(ex, action);
        }
    }

    private void Report(Exception exception, object action)
    {
        _logger.LogError(exception, "Unhandled exception while processing {ActionType}.", action.GetType().FullName);
        try
        {
            UnhandledException?.Invoke(this, exception);
        }
        catch (Exception handlerException)
        {
            _logger.LogError(handlerException, "An UnhandledException handler threw.");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var instance in _effectsInstances)
        {
            if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
            else if (instance is IAsyncDisposable asyncDisposable)
            {
                asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var instance in _effectsInstances)
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}

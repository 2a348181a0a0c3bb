using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>
/// Re-renders when any injected <see cref="IState{TState}"/> changes. Derived components must call
/// <c>base.OnInitialized()</c>, and override <see cref="DisposeAsyncCore"/> rather than DisposeAsync.
/// </summary>
public abstract class FluxorComponent : ComponentBase, IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StatePropertiesByType = new();

    private readonly List<IStateChangedNotifier> _subscribedStates = [];
    private readonly List<EventHandler<ActionDispatchedEventArgs>> _actionSubscriptions = [];
    private bool _initialized;
    private bool _disposed;

    // Not named "Dispatcher": derived components commonly inject their own property with that name.
    [Inject]
    private IDispatcher FluxorDispatcher { get; set; } = default!;

    /// <summary>Invokes <paramref name="callback"/> on the renderer for each processed action assignable to TAction.</summary>
    public void SubscribeToAction<TAction>(Action<TAction> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        EventHandler<ActionDispatchedEventArgs> handler = (_, e) =>
        {
            if (e.Action is TAction action && !_disposed)
            {
                _ = InvokeOnRendererAsync(() => callback(action));
            }
        };
        _actionSubscriptions.Add(handler);
        FluxorDispatcher.ActionDispatched += handler;
    }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (_initialized)
        {
            return;
        }

        _initialized = true;
        foreach (var property in StatePropertiesByType.GetOrAdd(GetType(), FindStateProperties))
        {
            if (property.GetValue(this) is IStateChangedNotifier state)
            {
                state.StateChanged += OnStateChanged;
                _subscribedStates.Add(state);
            }
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        base.OnAfterRender(firstRender);
        if (firstRender && !_initialized)
        {
            throw new InvalidOperationException($"{GetType().FullName} overrides OnInitialized without calling base.OnInitialized().");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore(true);
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeAsyncCore(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        foreach (var state in _subscribedStates)
        {
            state.StateChanged -= OnStateChanged;
        }

        _subscribedStates.Clear();
        foreach (var handler in _actionSubscriptions)
        {
            FluxorDispatcher.ActionDispatched -= handler;
        }

        _actionSubscriptions.Clear();
        return ValueTask.CompletedTask;
    }

    private void OnStateChanged(object? sender, EventArgs e)
    {
        if (!_disposed)
        {
            _ = InvokeOnRendererAsync(StateHasChanged);
        }
    }

    // Notifications arrive on whichever thread dispatched, so marshal to the renderer; failures are
    // handed to it like any component exception (error boundary or circuit) instead of vanishing.
    private async Task InvokeOnRendererAsync(Action work)
    {
        try
        {
            await InvokeAsync(work);
        }
        catch (Exception ex)
        {
            if (!_disposed)
            {
                await DispatchExceptionAsync(ex);
            }
        }
    }

    private static PropertyInfo[] FindStateProperties(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var properties = new List<PropertyInfo>();
        // Private properties of base types are only visible when walking each declared level.
        for (var current = type; current is not null && current != typeof(FluxorComponent); current = current.BaseType)
        {
            properties.AddRange(current.GetProperties(flags).Where(p =>
                typeof(IStateChangedNotifier).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0 && p.CanRead));
        }

        return [.. properties];
    }
}

using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.Tests.Store.Flux;

public sealed class StoreEffectTests
{
    [FeatureState]
    public sealed record EffectCounterState(int Count)
    {
        public EffectCounterState()
            : this(0)
        {
        }
    }

    [FeatureState]
    public sealed record EffectLogState(string Entries)
    {
        public EffectLogState()
            : this(string.Empty)
        {
        }
    }

    public sealed record Bump;

    public sealed record Start;

    public sealed record Step(string Name);

    public sealed record FailLater;

    public sealed record FailNow;

    public sealed record Ping;

    /// <summary>Registered per test, so effects report to the test that owns the store.</summary>
    public sealed class Probe
    {
        public List<string> Events { get; } = [];

        public TaskCompletionSource<int> EffectSawCount { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource PingHandled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public static class Reducers
    {
        [ReducerMethod]
        public static EffectCounterState Reduce(EffectCounterState state, Bump action) => state with { Count = state.Count + 1 };

        [ReducerMethod]
        public static EffectLogState Reduce(EffectLogState state, Start action) => Append(state, "start");

        [ReducerMethod]
        public static EffectLogState Reduce(EffectLogState state, Step action) => Append(state, action.Name);

        private static EffectLogState Append(EffectLogState state, string entry) =>
            new(state.Entries.Length == 0 ? entry : $"{state.Entries},{entry}");
    }

    public sealed class Effects(IState<EffectCounterState> counter, Probe probe)
    {
        [EffectMethod]
        public Task Handle(Bump action, IDispatcher dispatcher)
        {
            probe.Events.Add("effect");
            probe.EffectSawCount.TrySetResult(counter.Value.Count);
            return Task.CompletedTask;
        }

        [EffectMethod]
        public Task Handle(Start action, IDispatcher dispatcher)
        {
            dispatcher.Dispatch(new Step("b"));
            dispatcher.Dispatch(new Step("c"));
            return Task.CompletedTask;
        }

        [EffectMethod]
        public Task Handle(Step action, IDispatcher dispatcher)
        {
            if (action.Name == "b")
            {
                dispatcher.Dispatch(new Step("d"));
            }

            return Task.CompletedTask;
        }

        [EffectMethod(typeof(FailLater))]
        public async Task FailAfterYielding(IDispatcher dispatcher)
        {
            await Task.Yield();
            throw new InvalidOperationException("effect failed later");
        }

        [EffectMethod(typeof(FailNow))]
        public Task FailSynchronously(IDispatcher dispatcher) => throw new InvalidOperationException("effect failed now");

        [EffectMethod(typeof(Ping))]
        public Task HandlePing(IDispatcher dispatcher)
        {
            probe.PingHandled.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private static FluxTestHost CreateHost(Probe probe) => new(services => services.AddSingleton(probe));

    [Fact]
    public async Task WhenEffectRuns_ThenItSeesTheReducedStateAfterSubscribers()
    {
        var probe = new Probe();
        await using var host = CreateHost(probe);
        await host.Store.InitializeAsync();
        host.State<EffectCounterState>().StateChanged += (_, _) => probe.Events.Add("state");
        host.Dispatcher.ActionDispatched += (_, _) => probe.Events.Add("subscriber");

        host.Dispatcher.Dispatch(new Bump());

        Assert.Equal(1, await probe.EffectSawCount.Task.WaitAsync(FluxTestHost.Timeout));
        Assert.Equal(["state", "subscriber", "effect"], probe.Events);
    }

    [Fact]
    public async Task WhenEffectDispatchesReentrantly_ThenActionsAreProcessedInDispatchOrder()
    {
        await using var host = CreateHost(new Probe());
        await host.Store.InitializeAsync();
        var state = host.State<EffectLogState>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.ActionDispatched += (_, e) =>
        {
            if (e.Action is Step { Name: "d" })
            {
                done.TrySetResult();
            }
        };

        host.Dispatcher.Dispatch(new Start());

        await done.Task.WaitAsync(FluxTestHost.Timeout);
        Assert.Equal("start,b,c,d", state.Value.Entries);
    }

    [Fact]
    public async Task WhenSubscriberDispatchesReentrantly_ThenTheActionIsProcessedAfterTheCurrentOne()
    {
        await using var host = CreateHost(new Probe());
        await host.Store.InitializeAsync();
        var state = host.State<EffectLogState>();
        var seenByFirstSubscriberAfterDispatch = "";
        host.Dispatcher.ActionDispatched += (_, e) =>
        {
            if (e.Action is Step { Name: "x" })
            {
                host.Dispatcher.Dispatch(new Step("y"));
                seenByFirstSubscriberAfterDispatch = state.Value.Entries;
            }
        };

        host.Dispatcher.Dispatch(new Step("x"));

        Assert.Equal("x", seenByFirstSubscriberAfterDispatch);
        Assert.Equal("x,y", state.Value.Entries);
    }

    [Fact]
    public async Task WhenEffectFaultsAsynchronously_ThenUnhandledExceptionIsRaised()
    {
        await using var host = CreateHost(new Probe());
        await host.Store.InitializeAsync();
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Store.UnhandledException += (_, e) => reported.TrySetResult(e);

        host.Dispatcher.Dispatch(new FailLater());

        var exception = await reported.Task.WaitAsync(FluxTestHost.Timeout);
        Assert.Equal("effect failed later", Assert.IsType<InvalidOperationException>(exception).Message);
    }

    [Fact]
    public async Task WhenEffectThrowsSynchronously_ThenUnhandledExceptionIsRaisedAndProcessingContinues()
    {
        var probe = new Probe();
        await using var host = CreateHost(probe);
        await host.Store.InitializeAsync();
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Store.UnhandledException += (_, e) => reported.TrySetResult(e);

        host.Dispatcher.Dispatch(new FailNow());
        host.Dispatcher.Dispatch(new Ping());

        var exception = await reported.Task.WaitAsync(FluxTestHost.Timeout);
        Assert.Equal("effect failed now", exception.Message);
        await probe.PingHandled.Task.WaitAsync(FluxTestHost.Timeout);
    }

    [Fact]
    public async Task WhenEffectFaultsWithNoSubscriber_ThenTheExceptionIsLogged()
    {
        await using var host = CreateHost(new Probe());
        await host.Store.InitializeAsync();

        host.Dispatcher.Dispatch(new FailLater());

        var logged = await host.Logs.FirstError.WaitAsync(FluxTestHost.Timeout);
        Assert.Equal("effect failed later", logged.Message);
    }

    [Fact]
    public async Task WhenActionIsDispatchedFromAnotherThreadDuringInitialization_ThenItIsProcessedOnce()
    {
        var probe = new Probe();
        await using var host = CreateHost(probe);

        var dispatching = Task.Run(() => host.Dispatcher.Dispatch(new Bump()));
        await host.Store.InitializeAsync();
        await dispatching.WaitAsync(FluxTestHost.Timeout);

        Assert.Equal(1, await probe.EffectSawCount.Task.WaitAsync(FluxTestHost.Timeout));
        Assert.Equal(1, host.State<EffectCounterState>().Value.Count);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.Tests.Store.Flux;

public sealed class StoreReducerTests
{
    [FeatureState]
    public sealed record CounterState(int Count)
    {
        public CounterState()
            : this(0)
        {
        }
    }

    [FeatureState(Name = "reducer-tests-log")]
    public sealed record LogState(string Entries)
    {
        public LogState()
            : this(string.Empty)
        {
        }
    }

    public sealed record Increment;

    public sealed record Touch;

    public sealed record Reset;

    public sealed record Append(string Entry);

    public interface ICounterCommand;

    public abstract record CounterCommandBase;

    public sealed record AddTenAndHundred : CounterCommandBase, ICounterCommand;

    public sealed record Explode;

    public static class Reducers
    {
        [ReducerMethod]
        public static CounterState Reduce(CounterState state, Increment action) => state with { Count = state.Count + 1 };

        [ReducerMethod]
        public static CounterState Reduce(CounterState state, Touch action) => state;

        [ReducerMethod(typeof(Reset))]
        public static CounterState OnReset(CounterState state) => new();

        [ReducerMethod]
        public static CounterState Reduce(CounterState state, CounterCommandBase action) => state with { Count = state.Count + 10 };

        [ReducerMethod]
        public static CounterState Reduce(CounterState state, ICounterCommand action) => state with { Count = state.Count + 100 };

        [ReducerMethod]
        public static LogState Reduce(LogState state, Append action) =>
            new(state.Entries.Length == 0 ? action.Entry : $"{state.Entries},{action.Entry}");

        [ReducerMethod]
        public static LogState Reduce(LogState state, Explode action) => throw new InvalidOperationException("reducer failed");
    }

    [Fact]
    public async Task WhenStoreIsCreated_ThenStateIsTheInitialState()
    {
        await using var host = new FluxTestHost();

        Assert.Equal(0, host.State<CounterState>().Value.Count);
        Assert.Equal(string.Empty, host.State<LogState>().Value.Entries);
        Assert.Contains("reducer-tests-log", host.Store.Features.Keys);
    }

    [Fact]
    public async Task WhenActionIsDispatched_ThenReducerIsAppliedAndStateChangedIsRaised()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();
        var state = host.State<CounterState>();
        var raised = 0;
        state.StateChanged += (_, _) => raised++;

        host.Dispatcher.Dispatch(new Increment());

        Assert.Equal(1, state.Value.Count);
        Assert.Equal(1, raised);
    }

    [Fact]
    public async Task WhenReducerReturnsSameReference_ThenStateChangedIsNotRaised()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();
        var state = host.State<CounterState>();
        var before = state.Value;
        var raised = 0;
        var processed = 0;
        state.StateChanged += (_, _) => raised++;
        host.Dispatcher.ActionDispatched += (_, e) => processed += e.Action is Touch ? 1 : 0;

        host.Dispatcher.Dispatch(new Touch());

        Assert.Equal(1, processed);
        Assert.Equal(0, raised);
        Assert.Same(before, state.Value);
    }

    [Fact]
    public async Task WhenActionsAreDispatchedBeforeInitialize_ThenTheyAreProcessedInOrderAfterIt()
    {
        await using var host = new FluxTestHost();
        var state = host.State<LogState>();

        host.Dispatcher.Dispatch(new Append("a"));
        host.Dispatcher.Dispatch(new Append("b"));
        host.Dispatcher.Dispatch(new Append("c"));
        Assert.Equal(string.Empty, state.Value.Entries);
        Assert.False(host.Store.Initialized.IsCompleted);

        await host.Store.InitializeAsync();
        await host.Store.InitializeAsync();

        Assert.True(host.Store.Initialized.IsCompleted);
        Assert.Equal("a,b,c", state.Value.Entries);
    }

    [Fact]
    public async Task WhenActionDerivesFromBaseAndImplementsInterface_ThenReducersForBothRun()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();

        host.Dispatcher.Dispatch(new AddTenAndHundred());

        Assert.Equal(110, host.State<CounterState>().Value.Count);
    }

    [Fact]
    public async Task WhenReducerMethodNamesTheActionType_ThenItRunsWithoutAnActionParameter()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();
        host.Dispatcher.Dispatch(new Increment());

        host.Dispatcher.Dispatch(new Reset());

        Assert.Equal(0, host.State<CounterState>().Value.Count);
    }

    [Fact]
    public async Task WhenManyThreadsDispatchConcurrently_ThenEveryActionIsReducedExactlyOnce()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();
        var state = host.State<CounterState>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        state.StateChanged += (_, _) =>
        {
            if (state.Value.Count == 1000)
            {
                reached.TrySetResult();
            }
        };

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => host.Dispatcher.Dispatch(new Increment()));

        await reached.Task.WaitAsync(FluxTestHost.Timeout);
        Assert.Equal(1000, state.Value.Count);
    }

    [Fact]
    public async Task WhenReducerThrows_ThenExceptionIsReportedAndLaterActionsAreStillProcessed()
    {
        await using var host = new FluxTestHost();
        await host.Store.InitializeAsync();
        Exception? reported = null;
        host.Store.UnhandledException += (_, e) => reported = e;

        host.Dispatcher.Dispatch(new Explode());
        host.Dispatcher.Dispatch(new Append("after"));

        Assert.Equal("reducer failed", Assert.IsType<InvalidOperationException>(reported).Message);
        Assert.Equal("after", host.State<LogState>().Value.Entries);
    }

    [Fact]
    public async Task WhenTwoScopesDispatch_ThenEachHasItsOwnStore()
    {
        await using var host = new FluxTestHost();
        using var otherScope = host.CreateScope();
        var other = otherScope.ServiceProvider.GetRequiredService<IStore>();
        await host.Store.InitializeAsync();
        await other.InitializeAsync();

        host.Dispatcher.Dispatch(new Increment());

        Assert.Same(host.Store, host.Dispatcher);
        Assert.Equal(1, host.State<CounterState>().Value.Count);
        Assert.Equal(0, otherScope.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count);
    }
}

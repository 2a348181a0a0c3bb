using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Store.Flux;

namespace Winnerr.Sms.Tests.Store.Flux;

public sealed class FluxorComponentTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    [FeatureState]
    public sealed record ClicksState(int Count)
    {
        public ClicksState()
            : this(0)
        {
        }
    }

    public sealed record Clicked;

    public static class Reducers
    {
        [ReducerMethod(typeof(Clicked))]
        public static ClicksState OnClicked(ClicksState state) => state with { Count = state.Count + 1 };
    }

    public sealed class ClicksView : FluxorComponent
    {
        [Inject]
        private IState<ClicksState> Clicks { get; set; } = default!;

        public TaskCompletionSource<Clicked> ActionSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void OnInitialized()
        {
            base.OnInitialized();
            SubscribeToAction<Clicked>(action => ActionSeen.TrySetResult(action));
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddContent(1, Clicks.Value.Count);
            builder.CloseElement();
        }
    }

    public Task InitializeAsync()
    {
        _ctx.Services.AddFlux(typeof(FluxorComponentTests).Assembly);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task WhenStateChanges_ThenFluxorComponentRerendersAndActionSubscriptionFires()
    {
        _ctx.Render<StoreInitializer>();
        var cut = _ctx.Render<ClicksView>();
        Assert.Equal("0", cut.Find("span").TextContent);

        await Task.Run(() => _ctx.Services.GetRequiredService<IDispatcher>().Dispatch(new Clicked()));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("span").TextContent), FluxTestHost.Timeout);
        await cut.Instance.ActionSeen.Task.WaitAsync(FluxTestHost.Timeout);
    }

    [Fact]
    public async Task WhenComponentIsDisposed_ThenItNoLongerRerenders()
    {
        _ctx.Render<StoreInitializer>();
        var cut = _ctx.Render<ClicksView>();
        var view = cut.Instance;
        var renders = cut.RenderCount;

        await _ctx.DisposeComponentsAsync();
        _ctx.Services.GetRequiredService<IDispatcher>().Dispatch(new Clicked());

        Assert.Equal(1, _ctx.Services.GetRequiredService<IState<ClicksState>>().Value.Count);
        Assert.Equal(renders, cut.RenderCount);
        Assert.False(view.ActionSeen.Task.IsCompleted);
    }
}

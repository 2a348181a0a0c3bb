using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.App.Store.InboxFeature;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// bUnit with MudBlazor and a real store. xunit 2 disposes synchronously and MudBlazor's services are
/// async-only, so the context is held and disposed in DisposeAsync rather than inherited.
/// </summary>
public abstract class MudTestBase : IAsyncLifetime
{
    protected BunitContext Ctx { get; } = new();

    protected MudTestBase()
    {
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Ctx.Services.AddFlux(typeof(InboxState).Assembly);
    }

    protected IDispatcher Dispatcher => Ctx.Services.GetRequiredService<IDispatcher>();
    protected IState<InboxState> Inbox => Ctx.Services.GetRequiredService<IState<InboxState>>();

    protected async Task InitializeStoreAsync() => await Ctx.Services.GetRequiredService<IStore>().InitializeAsync();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Ctx.DisposeAsync();
}

using Microsoft.AspNetCore.Components;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>Place once in the layout; starts the circuit's store. Renders nothing.</summary>
public sealed class StoreInitializer : ComponentBase
{
    [Inject]
    private IStore Store { get; set; } = default!;

    protected override Task OnInitializedAsync() => Store.InitializeAsync();
}

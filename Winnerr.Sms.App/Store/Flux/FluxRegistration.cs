using System.Reflection;

namespace Winnerr.Sms.App.Store.Flux;

/// <summary>Accumulates the assemblies of every AddFlux call on one service collection.</summary>
internal sealed class FluxRegistration
{
    private readonly List<Assembly> _assemblies = [];

    public FluxDefinition Definition { get; private set; } = null!;

    public void Add(IEnumerable<Assembly> assemblies)
    {
        _assemblies.AddRange(assemblies.Except(_assemblies));
        // Discovered now, not on the first circuit, so a malformed reducer or effect fails at startup.
        Definition = FluxDefinition.For(_assemblies);
    }
}

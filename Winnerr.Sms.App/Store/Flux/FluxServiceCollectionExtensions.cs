using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Winnerr.Sms.App.Store.Flux;

public static class FluxServiceCollectionExtensions
{
    /// <summary>
    /// Registers a scoped <see cref="Store"/> (one per circuit) as <see cref="IStore"/> and <see cref="IDispatcher"/>,
    /// and <see cref="IState{TState}"/> for the [FeatureState] types found in <paramref name="assemblies"/>.
    /// May be called more than once; the assemblies accumulate.
    /// </summary>
    public static IServiceCollection AddFlux(this IServiceCollection services, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assemblies);
        if (assemblies.Length == 0)
        {
            throw new ArgumentException("Pass at least one assembly to scan.", nameof(assemblies));
        }

        var registration = services
            .Where(d => d.ServiceType == typeof(FluxRegistration) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<FluxRegistration>()
            .FirstOrDefault();
        if (registration is null)
        {
            registration = new FluxRegistration();
            services.AddSingleton(registration);
            services.AddScoped(sp => new Store(
                registration.Definition, sp, sp.GetService<ILogger<Store>>() ?? NullLogger<Store>.Instance));
            services.AddScoped<IStore>(sp => sp.GetRequiredService<Store>());
            services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
            services.AddScoped(typeof(IState<>), typeof(State<>));
        }

        registration.Add(assemblies);
        return services;
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Tests.TestSupport;

namespace Winnerr.Sms.Tests.Integration;

/// <summary>
/// A circuit is one DI scope that lives as long as the page is open. A DbContext resolved in it would be
/// shared by every click (stale data, and an exception when two overlap), so each operation must use a
/// context of its own, disposed when the operation ends.
/// </summary>
public class CircuitDbContextTests : IAsyncLifetime
{
    private readonly SmsAppFactory _app = new();
    private readonly DbContextResolutions _contexts = new();
    private IServiceCollection _registrations = null!;
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            _registrations = services;
            _contexts.Decorate(services);
        }));
        _ = _host.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task WhenSettingsPageWorksInOneCircuit_ThenEachOperationUsesItsOwnDisposedDbContext()
    {
        await using var circuit = _host.Services.CreateAsyncScope();
        var directory = circuit.ServiceProvider.GetRequiredService<AgentDirectory>();
        var current = circuit.ServiceProvider.GetRequiredService<CurrentAgent>();
        await SignInCircuitAsAlexAsync(circuit.ServiceProvider);

        var me = await current.GetAsync();
        await directory.ListAsync();
        long beaId = 0;
        var createdWith = await _contexts.UsedByAsync(async () =>
            beaId = (await directory.CreateAsync("bea@winnerr.test", "Bea", "+13125550100", "bea-password-2026", admin: false)).User!.Id);
        var lockedWith = await _contexts.UsedByAsync(() => directory.SetLockedOutAsync(beaId, locked: true));
        await directory.AddNumberAsync(me.Id, "+13125550101");

        Assert.Empty(_contexts.ResolvedIn(circuit.ServiceProvider));
        Assert.NotEmpty(createdWith);
        Assert.NotEmpty(lockedWith);
        Assert.Empty(createdWith.Intersect(lockedWith));
        Assert.All(createdWith.Concat(lockedWith), context => Assert.Throws<ObjectDisposedException>(() => context.Model));
        Assert.Contains(await directory.ListAsync(), a => a.Email == "bea@winnerr.test" && a.IsLockedOut);
    }

    [Fact]
    public void AppServicesNeverTakeADbContextOrIdentityManagerInTheirConstructor()
    {
        var offenders = _registrations
            .Where(d => !d.IsKeyedService && d.ImplementationType?.Assembly == typeof(AgentDirectory).Assembly)
            .SelectMany(d => d.ImplementationType!.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => HoldsADbContext(p.ParameterType))
                .Select(p => $"{d.ImplementationType!.Name}({p.ParameterType.Name} {p.Name})"));

        Assert.Empty(offenders);
    }

    [Fact]
    public void InteractiveComponentsNeverInjectADbContextOrIdentityManager()
    {
        // Static SSR pages (sign-in) live for one request, like an endpoint: they may.
        var offenders = typeof(AgentDirectory).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && HoldsADbContext(p.PropertyType))
                .Select(p => $"{t.Name}.{p.Name}"));

        Assert.Empty(offenders);
    }

    private static bool HoldsADbContext(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || type.IsGenericType && new[] { typeof(UserManager<>), typeof(SignInManager<>), typeof(RoleManager<>) }.Contains(type.GetGenericTypeDefinition());

    private async Task SignInCircuitAsAlexAsync(IServiceProvider circuit)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<SmsDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == SmsAppFactory.AgentEmail).Select(u => u.Id).SingleAsync();
        var alex = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, AgentRoles.Admin)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)circuit.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(alex)));
    }

    /// <summary>Records the DI scope each SmsDbContext was resolved from (Identity's stores take it from DI).</summary>
    private sealed class DbContextResolutions
    {
        private readonly ConcurrentQueue<(IServiceProvider Scope, SmsDbContext Context)> _resolved = new();

        public void Decorate(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(SmsDbContext));
            services.Add(new ServiceDescriptor(typeof(SmsDbContext), sp =>
            {
                var context = (SmsDbContext)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
                _resolved.Enqueue((sp, context));
                return context;
            }, original.Lifetime));
        }

        public IEnumerable<SmsDbContext> ResolvedIn(IServiceProvider scope) =>
            _resolved.Where(r => ReferenceEquals(r.Scope, scope)).Select(r => r.Context);

        public async Task<IReadOnlyList<SmsDbContext>> UsedByAsync(Func<Task> operation)
        {
            var before = _resolved.Count;
            await operation();
            return _resolved.Skip(before).Select(r => r.Context).ToList();
        }
    }
}

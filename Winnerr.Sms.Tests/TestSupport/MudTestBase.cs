using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.App.Store.InboxFeature;
using Winnerr.Sms.Core.Agents;
using Winnerr.Sms.Core.Data;
using Winnerr.Sms.Core.Templates;

namespace Winnerr.Sms.Tests.TestSupport;

/// <summary>
/// bUnit with MudBlazor, a real store, and a real migrated SQLite file behind the services components use,
/// signed in as one agent. xunit 2 disposes synchronously and MudBlazor's services are async-only, so the
/// context is held and disposed in DisposeAsync rather than inherited.
/// </summary>
public abstract class MudTestBase : IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"winnerr-bunit-{Guid.NewGuid():N}.db");

    protected BunitContext Ctx { get; } = new();
    protected IDbContextFactory<SmsDbContext> Db { get; }
    protected long AgentId { get; private set; }

    protected MudTestBase()
    {
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Ctx.Services.AddFlux(typeof(InboxState).Assembly);
        Db = new Factory(new DbContextOptionsBuilder<SmsDbContext>().UseSqlite($"Data Source={_dbPath}").Options);
        Ctx.Services.AddSingleton(Db);
        Ctx.Services.AddSingleton(TimeProvider.System);
        Ctx.Services.AddSingleton<TemplateService>();
        Ctx.Services.AddSingleton<Winnerr.Sms.Core.Conversations.InboxQueries>();
        Ctx.Services.AddSingleton(new Winnerr.Sms.Core.Contacts.PhoneNumberNormalizer());
        Ctx.Services.AddScoped<CurrentAgent>();
        Ctx.Services.AddSingleton(Drafts);
        Ctx.Services.AddSingleton<Winnerr.Sms.App.Components.Inbox.IDraftStore>(Drafts);
        Ctx.Services.AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider>(new TestAntiforgery());
    }

    /// <summary>The token a signed-in page would hold, for components that post plain forms.</summary>
    protected sealed class TestAntiforgery : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
    {
        public const string FieldName = "__RequestVerificationToken";
        public const string Value = "test-antiforgery-token";

        public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken GetAntiforgeryToken() => new(Value, FieldName);
    }

    protected MemoryDrafts Drafts { get; } = new();

    protected IDispatcher Dispatcher => Ctx.Services.GetRequiredService<IDispatcher>();
    protected IState<InboxState> Inbox => Ctx.Services.GetRequiredService<IState<InboxState>>();

    protected async Task InitializeStoreAsync() => await Ctx.Services.GetRequiredService<IStore>().InitializeAsync();

    public async Task InitializeAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var agent = new Agent { Name = "Alex Morgan", Numbers = [new AgentNumber { PhoneNumber = "+15005550006" }] };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        var user = new AgentUser { UserName = "alex@winnerr.test", Email = "alex@winnerr.test", AgentId = agent.Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        AgentId = agent.Id;
        Ctx.AddAuthorization().SetAuthorized("alex@winnerr.test").SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
    }

    public async Task DisposeAsync()
    {
        await Ctx.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_dbPath + suffix);
    }

    private sealed class Factory(DbContextOptions<SmsDbContext> options) : IDbContextFactory<SmsDbContext>
    {
        public SmsDbContext CreateDbContext() => new(options);
    }
}

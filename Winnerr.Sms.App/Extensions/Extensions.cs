using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Winnerr.Sms.Core.Agents;
using MudBlazor;
using MudBlazor.Services;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Realtime;
using Winnerr.Sms.App.Security;
using Winnerr.Sms.App.Simulator;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.App.Webhooks;
using Winnerr.Sms.Core;
using Winnerr.Sms.Core.Suggestions;

namespace Winnerr.Sms.App.Extensions;

public static class Extensions
{
    /// <summary>
    /// The repo-root appsettings.json is the app's configuration. It goes in first (lowest precedence),
    /// so environment variables, user secrets, command-line arguments and test overrides still win.
    /// </summary>
    public static void AddRepoSettings(this WebApplicationBuilder builder)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(file)) builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "appsettings.json", Optional = false, ReloadOnChange = false,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }

    public static void AddSmsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSmsCore(config);
        services.Configure<SimulatorOptions>(config.GetSection(SimulatorOptions.Section));
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<IInboxEventPublisher>(sp => sp.GetRequiredService<InboxNotifier>());
        services.AddSmsSuggestions(config);
        services.AddSingleton<Winnerr.Sms.App.Components.Suggestions.ISuggestionFeed, Winnerr.Sms.App.Components.Suggestions.SuggestionFeed>();
        services.AddSingleton<IStatusCallbackUrls, StatusCallbackUrls>();
        services.AddSingleton<Winnerr.Sms.App.Components.Inbox.TextingStatus>();
        services.AddSingleton<Winnerr.Sms.App.Components.Inbox.IDraftStore, Winnerr.Sms.App.Components.Inbox.DraftStore>();
        services.AddScoped<CurrentAgent>();
        services.AddScoped<AgentDirectory>();

        services.AddHttpClient(TwilioWebhookClient.HttpClientName);
        services.AddSingleton<TwilioWebhookClient>();
        var transport = config.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Transport ?? SmsTransport.Simulator;
        if (transport == SmsTransport.Twilio)
        {
            services.AddTwilioSender();
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<TwilioSmsSender>());
        }
        else
        {
            services.AddSingleton<SimulatorLog>();
            services.AddSingleton<SimulatorSmsSender>();
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<SimulatorSmsSender>());
        }

        services.AddOptions<TwilioOptions>().Validate(o => !string.IsNullOrWhiteSpace(o.AuthToken),
            "Twilio:AuthToken is required: webhooks are validated with it.").ValidateOnStart();
        if (transport == SmsTransport.Twilio)
            services.AddOptions<TwilioOptions>().Validate(o => o.AccountSid.StartsWith("AC", StringComparison.Ordinal),
                "Sms:Transport is Twilio but Twilio:AccountSid is not set.").ValidateOnStart();

        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
    }

    /// <summary>Identity with cookie sign-in; every endpoint needs a signed-in agent unless it says otherwise (the webhooks, sign-in).</summary>
    public static void AddSmsAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAgentAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/not-found";
            o.Cookie.Name = "winnerr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            AgentSessionCookies.RequireLiveSession(o);
        });
        services.AddSingleton<AgentSessions>();
        // Cookies are re-checked against the security stamp as often as open pages are.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = auth.RevalidationInterval;
            o.OnRefreshingPrincipal = AgentSessionCookies.KeepSessionClaim;
        });
        services.AddIdentityCore<AgentUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<long>>()
            .AddEntityFrameworkStores<SmsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Identity's stores take the context from DI; the rest of the app uses the factory. A circuit's scope lives as
        // long as the page, so code running in a circuit never resolves Identity's managers from it: it creates a scope
        // per operation (AgentDirectory, the revalidating provider).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SmsDbContext>>().CreateDbContext());
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSmsRateLimits();
    }

    public static void AddSmsUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment())
            // Prerendered state (the first page of threads) comes back in the circuit's first message.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
        builder.Services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            c.PopoverOptions.ThrowOnDuplicateProvider = true;
            // Every circuit's popover service wakes on this period, forever, to disconnect the browser-side observers of
            // popovers already disposed: at MudBlazor's 0.5 s it was most of what an idle page costs the server. The
            // provider stops rendering a disposed popover at once, so a long period only delays that observer clean-up.
            c.PopoverOptions.QueueDelay = TimeSpan.FromSeconds(60);
        });
        builder.Services.AddFlux(typeof(Extensions).Assembly);
        builder.Services.AddScoped<Realtime.CircuitConnection>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<Realtime.CircuitConnection>());
    }

    /// <summary>Migrates, creates the roles, and in demo mode the demo admin-agent and their week of conversations.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<SmsDbContext>>();
        await DatabaseSetup.MigrateAsync(dbFactory);
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<AgentDirectory>();
        await directory.EnsureRolesAsync();

        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled) return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Demo");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Winnerr.Sms.Core.Agents.AgentUser>>();
        var number = services.GetRequiredService<IOptions<TwilioOptions>>().Value.PhoneNumber;
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is null)
        {
            var (created, errors) = await directory.CreateAsync(demo.Email, demo.Name, number, demo.Password, admin: true);
            if (created is null) throw new InvalidOperationException($"Could not create the demo agent: {string.Join(" ", errors)}");
            user = created;
            logger.LogInformation("Created the demo admin-agent {Email} owning {Number}", demo.Email, number);
        }
        if (demo.SeedConversations)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var agentNumber = await db.AgentNumbers.Where(n => n.AgentId == user.AgentId).OrderBy(n => n.Id)
                .Select(n => n.PhoneNumber).FirstOrDefaultAsync() ?? number;
            if (await DatabaseSetup.SeedDemoConversationsAsync(dbFactory, user.AgentId, agentNumber, services.GetRequiredService<TimeProvider>().GetUtcNow()))
                logger.LogInformation("Seeded demo conversations for {Email}", demo.Email);
        }
    }
}

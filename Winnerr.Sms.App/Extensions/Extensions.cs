using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor;
using MudBlazor.Services;
using Winnerr.Sms.App.Agents;
using Winnerr.Sms.App.Realtime;
using Winnerr.Sms.App.Simulator;
using Winnerr.Sms.App.Store.Flux;
using Winnerr.Sms.App.Webhooks;

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
        services.Configure<TwilioOptions>(config.GetSection(TwilioOptions.Section));
        services.Configure<SmsOptions>(config.GetSection(SmsOptions.Section));
        services.Configure<SimulatorOptions>(config.GetSection(SimulatorOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var connectionString = config.GetConnectionString("Sms") ?? "Data Source=data/winnerr-sms.db";
        services.AddDbContextFactory<SmsDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));

        services.AddSingleton(sp => new PhoneNumberNormalizer(sp.GetRequiredService<IOptions<SmsOptions>>().Value.DefaultRegion));
        services.AddSingleton<InboxCommandHandler>();
        services.AddSingleton<InboxNotifier>();
        services.AddSingleton<IInboxEventPublisher>(sp => sp.GetRequiredService<InboxNotifier>());
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxQueries>();
        services.AddSingleton<IStatusCallbackUrls, StatusCallbackUrls>();
        services.AddSingleton<OutboundSmsService>();
        services.AddScoped<CurrentAgent>();

        services.AddHttpClient(TwilioWebhookClient.HttpClientName);
        services.AddSingleton<TwilioWebhookClient>();
        var transport = config.GetSection(SmsOptions.Section).Get<SmsOptions>()?.Transport ?? SmsTransport.Simulator;
        if (transport == SmsTransport.Twilio) services.AddSingleton<ISmsSender, TwilioSmsSender>();
        else services.AddSingleton<ISmsSender, SimulatorSmsSender>();

        services.AddOptions<TwilioOptions>().Validate(o => !string.IsNullOrWhiteSpace(o.AuthToken),
            "Twilio:AuthToken is required: webhooks are validated with it.").ValidateOnStart();
        if (transport == SmsTransport.Twilio)
            services.AddOptions<TwilioOptions>().Validate(o => o.AccountSid.StartsWith("AC", StringComparison.Ordinal),
                "Sms:Transport is Twilio but Twilio:AccountSid is not set.").ValidateOnStart();

        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
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
        });
        builder.Services.AddFlux(typeof(Extensions).Assembly);
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var services = app.Services;
        await DatabaseSetup.InitializeAsync(
            services.GetRequiredService<IDbContextFactory<SmsDbContext>>(),
            services.GetRequiredService<IOptions<TwilioOptions>>().Value,
            services.GetRequiredService<IOptions<SmsOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Database"));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Winnerr.Sms.Core;

public static class SmsCoreServiceCollectionExtensions
{
    /// <summary>
    /// Core's services, the same for the app and the tests: the database, the single writer and its
    /// command handlers, the outbox dispatcher, the compliance gate, contacts and templates. The host
    /// adds an <see cref="ISmsSender"/>, an <see cref="IInboxEventPublisher"/> and <see cref="IStatusCallbackUrls"/>.
    /// </summary>
    public static IServiceCollection AddSmsCore(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SmsOptions>(config.GetSection(SmsOptions.Section));
        services.Configure<TwilioOptions>(config.GetSection(TwilioOptions.Section));
        services.Configure<OutboxOptions>(config.GetSection(OutboxOptions.Section));
        services.Configure<ComplianceOptions>(config.GetSection(ComplianceOptions.Section));
        services.Configure<QuietHoursOptions>(config.GetSection(QuietHoursOptions.Section));
        services.Configure<CampaignOptions>(config.GetSection(CampaignOptions.Section));
        services.PostConfigure<CampaignOptions>(o =>
        {
            if (config.GetValue<decimal?>("Sms:PricePerSegment") is { } price) o.PricePerSegment = price;
        });
        services.AddSingleton(TimeProvider.System);

        var connectionString = config.GetConnectionString("Sms") ?? "Data Source=data/winnerr-sms.db";
        services.AddDbContextFactory<SmsDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas())
            // Two early migrations (AgentsSignInAndNumbers, ContactRecords) move data with SQL while SQLite
            // rebuilds tables, and turn foreign keys off for the rebuild. EF warns on every fresh start; the
            // SQL was checked on a real database of the version before, and the later migrations need no such
            // step. See "Migrations" in the README.
            .ConfigureWarnings(w => w.Ignore(
                Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning,
                Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)));

        // Database:WalCheckpointInterval (default 1 s; 0 leaves checkpoints to SQLite, inside commits).
        var checkpointInterval = config.GetValue("Database:WalCheckpointInterval", TimeSpan.FromSeconds(1));
        if (checkpointInterval > TimeSpan.Zero)
            services.AddHostedService(sp => new WalCheckpointer(sp.GetRequiredService<IDbContextFactory<SmsDbContext>>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WalCheckpointer>>(), checkpointInterval));

        services.AddSingleton(sp => new PhoneNumberNormalizer(sp.GetRequiredService<IOptions<SmsOptions>>().Value.DefaultRegion));
        services.AddSingleton<IMarketingWindow, QuietHoursWindow>();
        services.AddSingleton<ComplianceGate>();
        services.AddHostedService<PhoneMetadataWarmUp>();

        foreach (var handler in typeof(ICommandHandler).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommandHandler).IsAssignableFrom(t)))
            services.AddSingleton(typeof(ICommandHandler), handler);
        services.AddSingleton<InboxCommandHandlers>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<OutboundSmsService>();

        services.AddSingleton<InboxQueries>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<ContactImport>();
        services.AddSingleton<Templates.TemplateService>();
        services.AddSingleton<CampaignPlanner>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<History.IMessageSearch, History.SqliteMessageSearch>();
        services.AddSingleton<Dialer.DialerQueries>();
        services.AddSingleton<Dialer.DialerService>();
        return services;
    }
}

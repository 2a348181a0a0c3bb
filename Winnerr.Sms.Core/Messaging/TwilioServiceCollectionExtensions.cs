using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Winnerr.Sms.Core.Messaging.TwilioHttp;

namespace Winnerr.Sms.Core.Messaging;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// The Twilio HttpClient (no redirects, bounded retries of what Twilio did not process, a per-attempt timeout,
    /// Twilio:ApiBaseUrl), a TwilioRestClient factory and <see cref="TwilioSmsSender"/> as a singleton.
    /// It does not register ISmsSender: the app picks the sender. Reads IOptions&lt;TwilioOptions&gt; ("Twilio").
    /// </summary>
    public static IServiceCollection AddTwilioSender(this IServiceCollection services)
    {
        services.TryAddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(TwilioRestClientFactory.HttpClientName)
            // Attempts are bounded by Twilio:RequestTimeout inside the pipeline; HttpClient's own 100 s must not cut retries short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Same as the Twilio SDK's default client.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>()
            .AddResilienceHandler("twilio", (pipeline, context) =>
                TwilioResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value));
        services.TryAddSingleton<TwilioRestClientFactory>();
        services.TryAddSingleton<TwilioSmsSender>();
        return services;
    }
}

using Winnerr.Sms.App.Simulator;
using Winnerr.Sms.App.Webhooks;

namespace Winnerr.Sms.App.Extensions;

public static class DialerExtensions
{
    /// <summary>
    /// The power dialer's voice transport: Dialer:Transport (Simulator or Twilio), which defaults to Sms:Transport.
    /// Twilio uses the same "Twilio" HttpClient as texts (AddTwilioSender).
    /// </summary>
    public static void AddDialer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<SimulatorCallOptions>(config.GetSection(SimulatorCallOptions.Section));
        services.AddSingleton<IVoiceCallbackUrls, VoiceCallbackUrls>();
        var smsTransport = config.GetValue<SmsTransport?>("Sms:Transport") ?? SmsTransport.Simulator;
        var transport = config.GetValue<SmsTransport?>("Dialer:Transport") ?? smsTransport;
        if (transport == SmsTransport.Twilio)
        {
            // Texts on Twilio registered the client already; a second registration would stack its handlers.
            if (smsTransport != SmsTransport.Twilio) services.AddTwilioSender();
            services.AddSingleton<TwilioCallProvider>();
            services.AddSingleton<ICallProvider>(sp => sp.GetRequiredService<TwilioCallProvider>());
        }
        else
        {
            services.AddSingleton<SimulatorCallProvider>();
            services.AddSingleton<ICallProvider>(sp => sp.GetRequiredService<SimulatorCallProvider>());
        }
    }
}

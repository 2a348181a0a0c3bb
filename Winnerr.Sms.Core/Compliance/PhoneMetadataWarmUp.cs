using Microsoft.Extensions.Hosting;

namespace Winnerr.Sms.Core.Compliance;

/// <summary>
/// libphonenumber loads its geocoding and time-zone tables on first use (about a second). Loading them in the
/// background at start-up keeps that second out of the first campaign plan and the first held marketing text.
/// </summary>
public sealed class PhoneMetadataWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => RecipientLocale.Resolve("+12125550147", null), stoppingToken);
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Winnerr.Sms.App.Agents;

namespace Winnerr.Sms.App.Security;

public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Sign-in POSTs are limited per client address; showing the page is not.</summary>
    public static IServiceCollection AddSmsRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<BadSignatureLimiter>();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts. Wait a minute and try again.", ct);
            o.AddPolicy(SignIn, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limits = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SignInPermitLimit, Window = limits.SignInWindow, QueueLimit = 0,
                });
            });
        });
    }

    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>
/// Counts only webhook requests that fail signature validation. A correctly signed request never
/// touches it: replies to a bulk send arrive in bursts, and Twilio does not retry a 429, so refusing
/// one would lose a text.
/// </summary>
public sealed class BadSignatureLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.BadSignaturePermitLimit, Window = options.Value.BadSignatureWindow, QueueLimit = 0,
        }));

    /// <summary>Records one failure; false once the client has used up its allowance.</summary>
    public bool TryRecordFailure(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

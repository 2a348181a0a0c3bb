using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Winnerr.Sms.Core.Messaging.TwilioHttp;

/// <summary>
/// Retries only what Twilio certainly did not process: 429 for any request, and for reads also 5xx, timeouts and
/// connection failures. A create that timed out or got a 5xx may have been processed, and Twilio has no idempotency
/// key, so it goes back to the caller (SendOutcome.Unknown) to be reconciled, never resent here.
/// </summary>
internal static class TwilioResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TwilioOptions options)
    {
        if (options.MaxRetries > 0)
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome)),
                // A long Retry-After would hold the outbox worker; the outbox owns long waits (it gets Retryable).
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(options.RetryBaseDelay, args.AttemptNumber, Random.Shared.NextDouble())),
            });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    internal static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
        || (IsRead(method) && HttpClientResiliencePredicates.IsTransient(outcome));

    /// <summary>
    /// Exponential, and the jitter only adds (up to half again), so a retry never comes sooner than the base delay:
    /// Polly's own decorrelated jitter can retry almost at once, which a 429 does not deserve.
    /// </summary>
    internal static TimeSpan Delay(TimeSpan baseDelay, int attempt, double random) =>
        baseDelay * Math.Pow(2, attempt) * (1 + random / 2);

    private static bool IsRead(HttpMethod? method) => method == HttpMethod.Get || method == HttpMethod.Head;
}

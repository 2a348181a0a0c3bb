namespace Winnerr.Sms.Core.Outbox;

/// <summary>How the dispatcher paces and retries; bound from the "Sms" section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Sms";

    /// <summary>At most this many texts per second from one sender number (0 turns pacing off). 10DLC brands get 12–225 MPS.</summary>
    public double MessagesPerSecond { get; set; } = 10;
    /// <summary>
    /// Added to each second of the pace (N calls start at most every 1 s + this): a call reaches the provider
    /// a network delay after it starts, and this absorbs how much that delay varies from call to call.
    /// </summary>
    public TimeSpan PaceGuard { get; set; } = TimeSpan.FromMilliseconds(10);
    /// <summary>Claims of one text before it fails for good (retryable errors and unknown outcomes).</summary>
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>A claim older than this with no outcome belongs to a node that died: reconcile it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>This node's name in claims; its own claims are reconciled at once after a restart.</summary>
    public string NodeName { get; set; } = Environment.MachineName;
    /// <summary>
    /// Provider calls in flight at once. Each waits for two group commits (the provider's answer and ours),
    /// so throughput grows with it; Twilio's per-account concurrency limit answers 429, which is retried.
    /// </summary>
    public int MaxConcurrentSends { get; set; } = 128;
    public int ClaimBatchSize { get; set; } = 200;

    /// <summary>Exponential backoff with ±20% jitter, so retries from many texts do not arrive together.</summary>
    public TimeSpan Backoff(int attempt, double jitter01)
    {
        var exponential = RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * jitter01));
    }
}

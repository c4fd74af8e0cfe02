using CheckoutWatch.OnCall.Configuration;

namespace CheckoutWatch.OnCall.Notifications;

/// <summary>
/// Exponential backoff with jitter: the n-th retry waits between half and all of
/// <c>first × 2^(n-1)</c>, capped at the maximum, so receivers that fail together are not
/// retried together. The jitter comes from an injected (seedable) <see cref="Random"/>.
/// </summary>
public sealed class RetrySchedule(DeliveryOptions options, Random random)
{
    private readonly Lock _lock = new();

    /// <summary>The wait after <paramref name="failedAttempts"/> failed attempts (1 = after the first).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        double sample;
        lock (_lock)
        {
            sample = random.NextDouble();
        }

        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * sample)));
    }

    /// <summary>Whether another attempt is allowed after <paramref name="attempts"/>.</summary>
    public bool MayRetry(int attempts) => attempts < options.MaxAttempts;
}

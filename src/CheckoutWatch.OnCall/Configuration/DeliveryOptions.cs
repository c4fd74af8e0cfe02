namespace CheckoutWatch.OnCall.Configuration;

/// <summary>How notifications are delivered and retried.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts per notification before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay before the first retry; each further retry doubles it (with jitter).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// Section <c>CheckoutWatch:StreamIngest</c>: checkout events read from a Redis stream by a
/// consumer group shared by every node (needs <see cref="RedisOptions"/>).
/// </summary>
public sealed class StreamIngestOptions : IValidatableObject
{
    public const string Section = "CheckoutWatch:StreamIngest";

    public bool Enabled { get; set; }

    /// <summary>The stream to read; poison entries go to <c>&lt;StreamKey&gt;:dead</c>.</summary>
    [Required, MinLength(1)]
    public string StreamKey { get; set; } = "checkoutwatch:events";

    [Required, MinLength(1)]
    public string Group { get; set; } = "checkoutwatch";

    /// <summary>This node's consumer name; defaults to the node id (host name and silo port).</summary>
    public string? ConsumerName { get; set; }

    /// <summary>Entries read (or reclaimed) per round.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>An entry pending this long at another consumer is taken over (its node is presumed dead).</summary>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which an entry that still fails is dead-lettered.</summary>
    [Range(1, 1_000)]
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Wait between reads while the stream is empty.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between retries while Redis or the cluster fails (doubling from 100 ms).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReclaimAfter < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:ReclaimAfter must be at least 1 second.", [nameof(ReclaimAfter)]);
        }

        if (IdleDelay <= TimeSpan.Zero || IdleDelay > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult($"{Section}:IdleDelay must be between 0 and 10 seconds.", [nameof(IdleDelay)]);
        }

        if (MaxBackoff < TimeSpan.FromMilliseconds(100) || MaxBackoff > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult($"{Section}:MaxBackoff must be between 100 ms and 5 minutes.", [nameof(MaxBackoff)]);
        }
    }
}

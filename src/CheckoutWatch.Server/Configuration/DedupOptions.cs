using System.ComponentModel.DataAnnotations;
using CheckoutWatch.Grains.Merchants;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// Section <c>CheckoutWatch:Dedup</c>: merchant grains remember the events they counted for
/// <see cref="Window"/>, so an event applied on a node that died before acknowledging it counts
/// once when it comes back (docs/design.md). On by default in cluster mode.
/// </summary>
public sealed class DedupOptions : IValidatableObject
{
    public const string Section = "CheckoutWatch:Dedup";

    /// <summary>Unset: on exactly when a Redis connection is configured (cluster mode).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// How long a counted event is remembered, from its arrival (or its <c>occurredAt</c> if later).
    /// Must cover the redelivery horizon: the stream's take-over (<c>2 × ReclaimAfter + MaxBackoff</c>)
    /// and how long clients keep retrying a batch.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Memory bound per merchant (about 25 bytes each); past it the window shrinks for that merchant.</summary>
    [Range(10_000, 100_000_000)]
    public int MaxEntriesPerMerchant { get; set; } = 2_000_000;

    public EventDedupSettings ToSettings(bool clusterMode) =>
        new(Enabled ?? clusterMode, Window, MaxEntriesPerMerchant);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window < TimeSpan.FromSeconds(10) || Window > TimeSpan.FromMinutes(30))
        {
            yield return new ValidationResult($"{Section}:Window must be between 10 seconds and 30 minutes.", [nameof(Window)]);
        }
    }

    /// <summary>The stream hands an unacknowledged entry over after <c>ReclaimAfter</c>, retried after up to <c>MaxBackoff</c>: the window must outlast two such turns.</summary>
    public string? ProblemWith(StreamIngestOptions stream)
    {
        if (!(Enabled ?? true) || !stream.Enabled) return null;
        var needed = 2 * stream.ReclaimAfter + stream.MaxBackoff;
        return Window >= needed
            ? null
            : $"{Section}:Window ({Window}) must be at least 2 × {StreamIngestOptions.Section}:ReclaimAfter + MaxBackoff ({needed}), or a taken-over stream entry could count twice.";
    }
}

/// <summary>Checks the dedup window against the stream's take-over settings at start.</summary>
public sealed class DedupStreamValidator(IOptions<StreamIngestOptions> stream) : IValidateOptions<DedupOptions>
{
    public ValidateOptionsResult Validate(string? name, DedupOptions options) =>
        options.ProblemWith(stream.Value) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Ingest</c>.</summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string Section = "CheckoutWatch:Ingest";

    public List<IngestKeyOptions> Keys { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes (larger → 413).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most events in one request (more → 413).</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 5_000;

    /// <summary>Most property names in one event, its customer and ignored values included (more → <c>too_many_properties</c>).</summary>
    [Range(20, 100_000)]
    public int MaxPropertiesPerEvent { get; set; } = 256;

    /// <summary>Ingest requests processed at once on this node; more wait in a queue.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 128;

    /// <summary>Ingest requests that may wait; past that the node answers 503 with Retry-After.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = 512;

    /// <summary>Oldest event time accepted, relative to now.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far ahead of the server clock an event may be.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true);
            foreach (var r in results)
            {
                yield return new ValidationResult($"Keys[{i}]: {r.ErrorMessage}", [nameof(Keys)]);
            }

            if (string.IsNullOrEmpty(key.Key) == string.IsNullOrEmpty(key.KeyHash))
            {
                yield return new ValidationResult($"Keys[{i}] ('{key.Name}'): set exactly one of Key or KeyHash.", [nameof(Keys)]);
            }

            if (!string.IsNullOrEmpty(key.NextKey) && !string.IsNullOrEmpty(key.NextKeyHash))
            {
                yield return new ValidationResult($"Keys[{i}] ('{key.Name}'): set at most one of NextKey or NextKeyHash.", [nameof(Keys)]);
            }

            if (key.NextKey is { Length: > 0 and < 16 })
            {
                yield return new ValidationResult($"Keys[{i}] ('{key.Name}'): a next key needs at least 16 characters.", [nameof(Keys)]);
            }

            if (key.Key is { Length: > 0 and < 16 })
            {
                yield return new ValidationResult($"Keys[{i}] ('{key.Name}'): a key needs at least 16 characters.", [nameof(Keys)]);
            }
        }

        foreach (var name in Keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return new ValidationResult($"The key name '{name}' is configured twice: one name, one entry (use NextKey to rotate).", [nameof(Keys)]);
        }

        if (MaxEventAge <= TimeSpan.Zero || MaxClockSkew < TimeSpan.Zero)
        {
            yield return new ValidationResult("MaxEventAge must be positive and MaxClockSkew not negative.", [nameof(MaxEventAge)]);
        }
    }
}

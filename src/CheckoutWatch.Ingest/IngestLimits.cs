using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Limits applied to every ingest batch. Bindable from configuration (section of the server's
/// choosing) and validated with data annotations.
/// </summary>
public sealed record IngestLimits
{
    public static IngestLimits Default { get; } = new();

    /// <summary>An event whose <c>occurredAt</c> lies further than this before "now" is rejected (<c>too_far_in_past</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An event whose <c>occurredAt</c> lies further than this after "now" is rejected (<c>too_far_in_future</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>More items than this in one body fail the whole batch (<see cref="BatchFailureKind.TooManyEvents"/>, HTTP 413).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchEvents { get; init; } = 5_000;

    /// <summary>
    /// A body longer than this, read through <see cref="EventBatchParser.ParseAsync"/>, fails the whole
    /// batch (<see cref="BatchFailureKind.BodyTooLarge"/>, HTTP 413). 5,000 events with every field
    /// at its maximum length stay under the default of 16 MiB.
    /// </summary>
    [Range(1, 1 << 30)]
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Most property names one event may hold, counting its customer's and those inside ignored
    /// values; more reject the event (<c>too_many_properties</c>). The contract has 16 (plus 4 for the
    /// customer), so the default leaves room for senders' own extra fields.
    /// </summary>
    [Range(20, 100_000)]
    public int MaxPropertiesPerEvent { get; init; } = 256;
}

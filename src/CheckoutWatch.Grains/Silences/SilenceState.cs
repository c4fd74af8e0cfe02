using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Grains.Silences;

/// <summary>The persisted silences, the number of the next one, and which ends were audited.</summary>
[GenerateSerializer]
public sealed class SilenceState
{
    [Id(0)] public long NextNumber { get; set; } = 1;
    [Id(1)] public List<SilenceView> Silences { get; set; } = [];

    /// <summary>Silences whose end by time is in the audit log already.</summary>
    [Id(2)] public HashSet<string> EndAudited { get; set; } = new(StringComparer.Ordinal);
}

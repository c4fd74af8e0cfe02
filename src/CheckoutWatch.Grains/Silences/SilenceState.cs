using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Grains.Silences;

/// <summary>The persisted silences, and the number of the next one.</summary>
[GenerateSerializer]
public sealed class SilenceState
{
    [Id(0)] public long NextNumber { get; set; } = 1;
    [Id(1)] public List<SilenceView> Silences { get; set; } = [];
}

using System.Collections.Immutable;
using CheckoutWatch.Detection.Sessions;
using Orleans.Concurrency;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Abstractions.Ingest;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// One merchant, keyed by merchant id: per-second counters with breakdowns, in-flight sessions,
/// and the health tile it publishes to boards at most once per second.
/// </summary>
public interface IMerchantGrain : IGrainWithStringKey
{
    /// <summary>Counts a node's pre-aggregated batch of accepted events.</summary>
    Task RecordAsync(MerchantBatch batch);

    /// <summary>Per-session findings (stuck, repeated failures, duplicate charge) from session grains.</summary>
    [OneWay]
    Task ReportFindingsAsync(ImmutableArray<SessionFinding> findings);

    /// <summary>The findings reported in the last hour, newest first (sampled evidence for alerts).</summary>
    Task<ImmutableArray<SessionFinding>> GetRecentFindingsAsync();

    /// <summary>The tile as of now.</summary>
    Task<MerchantHealth> GetHealthAsync();

    /// <summary>Counts over the last five minutes by PSP, payment method, card network and decline code.</summary>
    Task<MerchantBreakdown> GetBreakdownAsync();
}

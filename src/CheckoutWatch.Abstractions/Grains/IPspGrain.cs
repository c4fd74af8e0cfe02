using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// One PSP across all merchants, keyed by PSP name (lower case). Merchant grains report their
/// per-PSP attempt counts about once a second; the grain runs the PSP-wide failure-spike test,
/// publishes its alert (merchant "*", dimension psp) to the feed, and answers with what merchants
/// need: the open PSP-wide alert (to fold their own under it) and the learned PSP-wide baseline.
/// </summary>
public interface IPspGrain : IGrainWithStringKey
{
    Task<PspStatus> ReportAsync(PspReport report);
}

/// <summary>
/// One merchant's completed payment attempts on the PSP since its previous report, and what its
/// failed payments carried per currency (for the PSP-wide alert's affected sessions and revenue at risk).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PspReport(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] long Attempts,
    [property: Id(2)] long Failures,
    [property: Id(3)] long ActionableFailures,
    [property: Id(4)] ImmutableArray<PspFailedAmount> FailedAmounts = default);

/// <summary>Failed payments in one currency (all failures, or the actionable ones): how many and their amounts.</summary>
[GenerateSerializer, Immutable]
public sealed record PspFailedAmount(
    [property: Id(0)] string Currency,
    [property: Id(1)] bool Actionable,
    [property: Id(2)] long Sessions,
    [property: Id(3)] long AmountMinor);

/// <summary>
/// The PSP's state for merchants: the incident key of its open PSP-wide alert, and its learned
/// failure rates once it has seen enough attempts to be a better prior than the platform default.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PspStatus(
    [property: Id(0)] string? OpenIncidentKey,
    [property: Id(1)] double? BaselineRate,
    [property: Id(2)] double? ActionableBaselineRate);

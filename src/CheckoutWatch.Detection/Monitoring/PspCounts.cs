namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// One merchant's completed payment attempts on one PSP since its previous report, with the money
/// its failed payments carried (per currency; all failures and the actionable ones apart), so the
/// PSP-wide alert can show affected sessions and revenue at risk.
/// </summary>
public readonly record struct PspCounts(string Psp, long Attempts, long Failures, long ActionableFailures)
{
    public IReadOnlyList<FailedAmount> FailedAmounts { get; init; } = [];
}

/// <summary>Failed payments in one currency: how many (each a session hit) and their amounts; actionable ones or all.</summary>
public readonly record struct FailedAmount(string Currency, bool Actionable, long Sessions, long AmountMinor);

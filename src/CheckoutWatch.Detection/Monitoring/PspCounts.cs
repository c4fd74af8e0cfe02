namespace CheckoutWatch.Detection.Monitoring;

/// <summary>One merchant's completed payment attempts on one PSP since its previous report.</summary>
public readonly record struct PspCounts(string Psp, long Attempts, long Failures, long ActionableFailures);

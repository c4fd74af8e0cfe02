namespace CheckoutWatch.Detection.Detectors;

/// <summary>Which failures a rate counts (the denominator is always completed payment attempts).</summary>
public enum FailureMeasure
{
    /// <summary>Every failed payment: the raw failure rate.</summary>
    AllFailures = 0,
    /// <summary>Technical and configuration failures only: the paging signal.</summary>
    ActionableFailures = 1,
    /// <summary>Failures of one decline class (decline-class streams).</summary>
    ClassFailures = 2,
}

namespace CheckoutWatch.Detection.Alerts;

/// <summary>The slice of a merchant's traffic an alert concerns.</summary>
public enum DimensionKind
{
    Merchant = 0,
    Psp = 1,
    PaymentMethod = 2,
    CardNetwork = 3,
    /// <summary>One decline code (reserved: the monitor alerts on decline classes and reports codes as evidence).</summary>
    DeclineCode = 4,
    /// <summary>A class of decline codes (technical, customer_fixable, …): failures of that class among all attempts.</summary>
    DeclineClass = 5,
}

namespace CheckoutWatch.Detection.Health;

/// <summary>The dimensions that merchant counters and alerts break down by.</summary>
public enum BreakdownDimension
{
    Psp = 0,
    PaymentMethod = 1,
    CardNetwork = 2,
    DeclineCode = 3,
}

namespace CheckoutWatch.Detection.Sessions;

/// <summary>Where the session's latest payment attempt stands, in event time.</summary>
public enum PaymentState
{
    None = 0,
    Submitted = 1,
    ActionRequired = 2,
    Succeeded = 3,
    Failed = 4,
}

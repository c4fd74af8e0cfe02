namespace CheckoutWatch.Detection.Events;

/// <summary>Why a payment failed: an issuer decline, a PSP/technical error, or a timeout.</summary>
public enum FailureKind
{
    None = 0,
    Declined = 1,
    Error = 2,
    Timeout = 3,
}

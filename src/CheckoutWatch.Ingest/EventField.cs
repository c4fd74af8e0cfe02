namespace CheckoutWatch.Ingest;

/// <summary>The properties of an event object that the contract knows; anything else is ignored.</summary>
internal enum EventField
{
    Unknown = -1,
    EventId = 0,
    MerchantId,
    SessionId,
    Type,
    OccurredAt,
    AmountMinor,
    Currency,
    Psp,
    PaymentMethod,
    CardNetwork,
    DeclineCode,
    FailureKind,
    Country,
    Customer,
}

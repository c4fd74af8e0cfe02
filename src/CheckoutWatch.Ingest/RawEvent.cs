using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// What one event object said, field by field, while it is being read. A value is set only when it
/// passed its own field rules; <see cref="Present"/> records which properties carried a non-null
/// value at all (valid or not), so a bad value is not also reported as missing.
/// </summary>
internal struct RawEvent
{
    public int Named;
    public int Present;
    public string? EventId;
    public string? MerchantId;
    public string? SessionId;
    public CheckoutEventType? Type;
    public DateTimeOffset? OccurredAt;
    public long? AmountMinor;
    public string? Currency;
    public string? Psp;
    public string? PaymentMethod;
    public string? CardNetwork;
    public string? DeclineCode;
    public FailureKind? FailureKind;
    public string? Country;
    public CustomerInfo? Customer;

    public readonly bool Has(EventField field) => (Present & (1 << (int)field)) != 0;
}

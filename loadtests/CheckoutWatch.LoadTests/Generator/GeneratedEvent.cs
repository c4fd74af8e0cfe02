using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>
/// One generated checkout event. Ids are kept as numbers and formatted by the writer
/// (<c>{runTag}-{session:x}</c> and <c>{runTag}-{session:x}-{sequence}</c>) so generation does not allocate.
/// </summary>
public readonly record struct GeneratedEvent(
    long Session,
    int Sequence,
    MerchantProfile Merchant,
    CheckoutEventType Type,
    DateTime OccurredAt)
{
    public long? AmountMinor { get; init; }
    public string? Psp { get; init; }
    public string? PaymentMethod { get; init; }
    public string? CardNetwork { get; init; }
    public Decline? Decline { get; init; }
    public bool WithCustomer { get; init; }
}

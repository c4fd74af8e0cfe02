using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Serialization;

/// <summary>Orleans' wire shape of <see cref="CheckoutEvent"/>, which lives in the pure Detection project.</summary>
[GenerateSerializer]
public struct CheckoutEventSurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public string MerchantId;
    [Id(2)] public string SessionId;
    [Id(3)] public byte Type;
    [Id(4)] public DateTimeOffset OccurredAt;
    [Id(5)] public long? AmountMinor;
    [Id(6)] public string? Currency;
    [Id(7)] public string? Psp;
    [Id(8)] public string? PaymentMethod;
    [Id(9)] public string? CardNetwork;
    [Id(10)] public string? DeclineCode;
    [Id(11)] public byte FailureKind;
    [Id(12)] public string? Country;
    [Id(13)] public CustomerInfo? Customer;
}

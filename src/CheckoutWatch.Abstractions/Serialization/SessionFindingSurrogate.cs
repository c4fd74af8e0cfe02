using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Serialization;

/// <summary>Orleans' wire shape of the pure <c>SessionFinding</c>.</summary>
[GenerateSerializer]
public struct SessionFindingSurrogate
{
    [Id(0)] public byte Kind;
    [Id(1)] public string MerchantId;
    [Id(2)] public string SessionId;
    [Id(3)] public DateTimeOffset DetectedAt;
    [Id(4)] public byte StuckIn;
    [Id(5)] public long? AmountMinor;
    [Id(6)] public string? Currency;
    [Id(7)] public string? Psp;
    [Id(8)] public string? PaymentMethod;
    [Id(9)] public string? CardNetwork;
    [Id(10)] public string? DeclineCode;
    [Id(11)] public int FailedAttempts;
    [Id(12)] public int SuccessfulPayments;
    [Id(13)] public CustomerInfo? Customer;
}

using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Serialization;

[GenerateSerializer]
public struct CustomerInfoSurrogate
{
    [Id(0)] public string? Id;
    [Id(1)] public string? Name;
    [Id(2)] public string? Email;
    [Id(3)] public string? Phone;
}

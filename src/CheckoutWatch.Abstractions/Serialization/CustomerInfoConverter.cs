using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Serialization;

[RegisterConverter]
public sealed class CustomerInfoConverter : IConverter<CustomerInfo, CustomerInfoSurrogate>
{
    public CustomerInfo ConvertFromSurrogate(in CustomerInfoSurrogate s) => new(s.Id, s.Name, s.Email, s.Phone);

    public CustomerInfoSurrogate ConvertToSurrogate(in CustomerInfo c) =>
        new() { Id = c.Id, Name = c.Name, Email = c.Email, Phone = c.Phone };
}

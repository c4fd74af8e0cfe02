using CheckoutWatch.Detection.Events;
using Orleans.Serialization.Cloning;

namespace CheckoutWatch.Abstractions.Serialization;

// Events and customers are immutable records: an in-silo call can pass them as they are
// instead of deep-copying through the surrogate on the hot path.
[RegisterCopier]
public sealed class CheckoutEventCopier : IDeepCopier<CheckoutEvent>
{
    public CheckoutEvent? DeepCopy(CheckoutEvent? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class CustomerInfoCopier : IDeepCopier<CustomerInfo>
{
    public CustomerInfo? DeepCopy(CustomerInfo? input, CopyContext context) => input;
}

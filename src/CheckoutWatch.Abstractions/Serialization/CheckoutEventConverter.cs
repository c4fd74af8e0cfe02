using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Serialization;

[RegisterConverter]
public sealed class CheckoutEventConverter : IConverter<CheckoutEvent, CheckoutEventSurrogate>
{
    public CheckoutEvent ConvertFromSurrogate(in CheckoutEventSurrogate s) =>
        new(s.EventId, s.MerchantId, s.SessionId, (CheckoutEventType)s.Type, s.OccurredAt)
        {
            AmountMinor = s.AmountMinor,
            Currency = s.Currency,
            Psp = s.Psp,
            PaymentMethod = s.PaymentMethod,
            CardNetwork = s.CardNetwork,
            DeclineCode = s.DeclineCode,
            FailureKind = (FailureKind)s.FailureKind,
            Country = s.Country,
            Customer = s.Customer,
        };

    public CheckoutEventSurrogate ConvertToSurrogate(in CheckoutEvent e) => new()
    {
        EventId = e.EventId,
        MerchantId = e.MerchantId,
        SessionId = e.SessionId,
        Type = (byte)e.Type,
        OccurredAt = e.OccurredAt,
        AmountMinor = e.AmountMinor,
        Currency = e.Currency,
        Psp = e.Psp,
        PaymentMethod = e.PaymentMethod,
        CardNetwork = e.CardNetwork,
        DeclineCode = e.DeclineCode,
        FailureKind = (byte)e.FailureKind,
        Country = e.Country,
        Customer = e.Customer,
    };
}

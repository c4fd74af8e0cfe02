using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Abstractions.Serialization;

[RegisterConverter]
public sealed class SessionFindingConverter : IConverter<SessionFinding, SessionFindingSurrogate>
{
    public SessionFinding ConvertFromSurrogate(in SessionFindingSurrogate s) =>
        new((SessionFindingKind)s.Kind, s.MerchantId, s.SessionId, s.DetectedAt)
        {
            StuckIn = (PaymentState)s.StuckIn,
            AmountMinor = s.AmountMinor,
            Currency = s.Currency,
            Psp = s.Psp,
            PaymentMethod = s.PaymentMethod,
            CardNetwork = s.CardNetwork,
            DeclineCode = s.DeclineCode,
            FailedAttempts = s.FailedAttempts,
            SuccessfulPayments = s.SuccessfulPayments,
            Customer = s.Customer,
        };

    public SessionFindingSurrogate ConvertToSurrogate(in SessionFinding f) => new()
    {
        Kind = (byte)f.Kind,
        MerchantId = f.MerchantId,
        SessionId = f.SessionId,
        DetectedAt = f.DetectedAt,
        StuckIn = (byte)f.StuckIn,
        AmountMinor = f.AmountMinor,
        Currency = f.Currency,
        Psp = f.Psp,
        PaymentMethod = f.PaymentMethod,
        CardNetwork = f.CardNetwork,
        DeclineCode = f.DeclineCode,
        FailedAttempts = f.FailedAttempts,
        SuccessfulPayments = f.SuccessfulPayments,
        Customer = f.Customer,
    };
}

namespace CheckoutWatch.Ingest;

/// <summary>Wire names of the known properties, and matching of raw (unescaped UTF-8) names to them.</summary>
internal static class FieldNames
{
    private static readonly string[] _event =
    [
        "eventId", "merchantId", "sessionId", "type", "occurredAt", "amountMinor", "currency", "psp",
        "paymentMethod", "cardNetwork", "declineCode", "failureKind", "country", "customer",
    ];

    private static readonly string[] _customer = ["customer.id", "customer.name", "customer.email", "customer.phone"];

    public static string Of(EventField field) => _event[(int)field];

    public static string Of(CustomerField field) => _customer[(int)field];

    public static EventField MatchEvent(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("psp"u8) => EventField.Psp,
        4 when name.SequenceEqual("type"u8) => EventField.Type,
        7 when name.SequenceEqual("eventId"u8) => EventField.EventId,
        7 when name.SequenceEqual("country"u8) => EventField.Country,
        8 when name.SequenceEqual("currency"u8) => EventField.Currency,
        8 when name.SequenceEqual("customer"u8) => EventField.Customer,
        9 when name.SequenceEqual("sessionId"u8) => EventField.SessionId,
        10 when name.SequenceEqual("merchantId"u8) => EventField.MerchantId,
        10 when name.SequenceEqual("occurredAt"u8) => EventField.OccurredAt,
        11 when name.SequenceEqual("amountMinor"u8) => EventField.AmountMinor,
        11 when name.SequenceEqual("cardNetwork"u8) => EventField.CardNetwork,
        11 when name.SequenceEqual("declineCode"u8) => EventField.DeclineCode,
        11 when name.SequenceEqual("failureKind"u8) => EventField.FailureKind,
        13 when name.SequenceEqual("paymentMethod"u8) => EventField.PaymentMethod,
        _ => EventField.Unknown,
    };

    public static CustomerField MatchCustomer(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => CustomerField.Id,
        4 when name.SequenceEqual("name"u8) => CustomerField.Name,
        5 when name.SequenceEqual("email"u8) => CustomerField.Email,
        5 when name.SequenceEqual("phone"u8) => CustomerField.Phone,
        _ => CustomerField.Unknown,
    };
}

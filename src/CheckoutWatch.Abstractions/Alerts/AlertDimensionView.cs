namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>The slice an alert concerns: kind (merchant, psp, payment_method, card_network, decline_class, decline_code) and value.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertDimensionView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Value);

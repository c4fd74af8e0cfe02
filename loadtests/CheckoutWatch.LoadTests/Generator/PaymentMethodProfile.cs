namespace CheckoutWatch.LoadTests.Generator;

/// <summary>A payment method: whether it carries a card network and how often it needs a customer action (3-D Secure, redirect).</summary>
public sealed record PaymentMethodProfile(string Name, bool HasCardNetwork, double ActionRequiredShare);

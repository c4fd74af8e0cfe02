namespace CheckoutWatch.Ingest;

/// <summary>
/// One reason an event was rejected. <paramref name="Field"/> is the property's wire name
/// (<c>customer.email</c> for nested ones) or <c>$</c> for the item as a whole;
/// <paramref name="Code"/> is one of <see cref="ValidationCodes"/> and never changes;
/// <paramref name="Message"/> is for people and may.
/// </summary>
public sealed record ValidationError(string Field, string Code, string Message);

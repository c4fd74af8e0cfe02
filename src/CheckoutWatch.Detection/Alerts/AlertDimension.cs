namespace CheckoutWatch.Detection.Alerts;

/// <summary>A dimension and its value, e.g. psp = adyen. The merchant-wide dimension carries the merchant id.</summary>
public sealed record AlertDimension(DimensionKind Kind, string Value)
{
    public static AlertDimension Merchant(string merchantId) => new(DimensionKind.Merchant, merchantId);

    public override string ToString() => $"{Kind.ToWire()}={Value}";
}

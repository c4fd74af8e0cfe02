namespace CheckoutWatch.Detection.Knowledge;

/// <summary>Soft declines may succeed later or after a fix; hard declines will not succeed with the same card data.</summary>
public enum DeclineType
{
    Soft = 0,
    Hard = 1,
}

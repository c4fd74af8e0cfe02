namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>What came of contacting the customer. None (the default) while the item is not done.</summary>
public enum OutreachOutcome
{
    None = 0,
    /// <summary>The customer completed the purchase; carries the recovered amount.</summary>
    Recovered = 1,
    /// <summary>The duplicate or failed charge was refunded.</summary>
    Refunded = 2,
    NoAnswer = 3,
    DeclinedHelp = 4,
    NotNeeded = 5,
}

namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>Where an outreach item stands. Open is the default value on purpose (saved state omits defaults).</summary>
public enum OutreachStatus
{
    Open = 0,
    Claimed = 1,
    Done = 2,
}

namespace CheckoutWatch.Detection.Knowledge;

/// <summary>Who can do something about a failure.</summary>
public enum WhoActs
{
    Customer = 0,
    PaymentsTeam = 1,
    /// <summary>Nobody should retry (lost or stolen cards and the like).</summary>
    Nobody = 2,
}

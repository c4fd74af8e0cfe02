namespace CheckoutWatch.Detection.Alerts;

/// <summary>What an alert is about. Wire names are snake_case (see <see cref="AlertWireNames"/>).</summary>
public enum AlertKind
{
    PaymentFailureSpike = 0,
    TrafficDrop = 1,
    StuckSessions = 2,
    /// <summary>Per-session finding for the outreach queue (raised by the session grain, not the monitor).</summary>
    SessionStuck = 3,
    RepeatedPaymentFailures = 4,
    DuplicateCharge = 5,
}

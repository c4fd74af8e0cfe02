namespace CheckoutWatch.Detection.Sessions;

/// <summary>Per-session findings that feed the agents' outreach queue.</summary>
public enum SessionFindingKind
{
    /// <summary>A payment sat in submitted or action-required past its deadline.</summary>
    SessionStuck = 0,
    /// <summary>Three (configurable) failed payments without a success.</summary>
    RepeatedPaymentFailures = 1,
    /// <summary>Two successful payments in one session.</summary>
    DuplicateCharge = 2,
}

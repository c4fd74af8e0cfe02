namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>Why a customer is on the outreach queue (wire names in <see cref="OutreachWireNames"/>).</summary>
public enum OutreachReason
{
    /// <summary>A payment sat in submitted or action-required past its deadline (session_stuck finding).</summary>
    StuckAtPayment = 0,
    /// <summary>Three (configurable) failed payments without a success.</summary>
    RepeatedFailures = 1,
    /// <summary>Two successful payments in one session: the customer was charged twice.</summary>
    DuplicateCharge = 2,
    /// <summary>A failed payment while an incident alert was open for the merchant.</summary>
    IncidentFailure = 3,
}

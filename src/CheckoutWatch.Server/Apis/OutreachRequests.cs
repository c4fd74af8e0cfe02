namespace CheckoutWatch.Server.Apis;

/// <summary>
/// The outcome of an outreach item: one of recovered, refunded, no_answer, declined_help,
/// not_needed. RecoveredAmountMinor is required with recovered (minor units of the item's
/// currency) and refused otherwise.
/// </summary>
public sealed record OutreachOutcomeRequest(string? Outcome, long? RecoveredAmountMinor, string? Note);

/// <summary>An agent's escalation to the payments team, optionally linked to an alert, a merchant and an outreach item.</summary>
public sealed record EscalationRequest(string? Note, string? AlertId, string? MerchantId, string? OutreachItemId);

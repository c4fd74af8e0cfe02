using CheckoutWatch.Server.Security;

namespace CheckoutWatch.Server.Outreach;

/// <summary>
/// An outreach item as it leaves the node (API and hub): contact data masked unless the receiver
/// may see it, with the knowledge base's guidance and a suggested message.
/// </summary>
public sealed record OutreachItemView(
    string Id,
    long Version,
    string Reason,
    string Status,
    string MerchantId,
    string SessionId,
    long? AmountMinor,
    string? Currency,
    string? Psp,
    string? PaymentMethod,
    string? CardNetwork,
    string? DeclineCode,
    int FailedAttempts,
    string? IncidentKey,
    CustomerContactView? Customer,
    OutreachGuidanceView Guidance,
    string SuggestedMessage,
    decimal Priority,
    DateTimeOffset DetectedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClaimExpiresAt,
    string? Outcome,
    long? RecoveredAmountMinor,
    string? OutcomeBy,
    DateTimeOffset? OutcomeAt,
    string? OutcomeNote);

/// <summary>What the agent should know: the decline's meaning, what to say and what never to say.</summary>
public sealed record OutreachGuidanceView(string Summary, string? Meaning, string? Say, string? NeverSay, string? RetryAdvice, string? WhoActs);

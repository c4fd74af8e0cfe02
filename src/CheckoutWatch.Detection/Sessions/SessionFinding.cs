using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Sessions;

/// <summary>Something an agent should act on for one customer's session.</summary>
public sealed record SessionFinding(
    SessionFindingKind Kind,
    string MerchantId,
    string SessionId,
    DateTimeOffset DetectedAt)
{
    /// <summary>The state the payment was stuck in (for <see cref="SessionFindingKind.SessionStuck"/>).</summary>
    public PaymentState StuckIn { get; init; }
    public long? AmountMinor { get; init; }
    public string? Currency { get; init; }
    public string? Psp { get; init; }
    public string? PaymentMethod { get; init; }
    public string? CardNetwork { get; init; }
    /// <summary>The latest decline code seen in the session, if any.</summary>
    public string? DeclineCode { get; init; }
    public int FailedAttempts { get; init; }
    public int SuccessfulPayments { get; init; }
    public CustomerInfo? Customer { get; init; }
}

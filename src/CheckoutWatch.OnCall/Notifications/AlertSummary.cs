namespace CheckoutWatch.OnCall.Notifications;

/// <summary>The part of an alert a notification carries.</summary>
public sealed record AlertSummary(
    string Id,
    string MerchantId,
    string Kind,
    string Severity,
    string Status,
    string Title,
    string DimensionKind,
    string DimensionValue,
    DateTimeOffset DetectedAt,
    double? ObservedRate,
    double? BaselineRate,
    int AffectedSessions,
    long RevenueAtRiskMinor,
    string? Currency,
    string? AcknowledgedBy,
    string? ResolvedBy);

namespace CheckoutWatch.LoadTests.Node;

/// <summary>One alert as one board client received it in an <c>AlertsChanged</c> push.</summary>
public sealed record AlertSeen(
    int Client,
    string Id,
    long Sequence,
    string MerchantId,
    string Kind,
    string Status,
    DateTimeOffset DetectedAt,
    DateTimeOffset ReceivedAt);

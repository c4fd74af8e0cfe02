namespace CheckoutWatch.Detection.Health;

/// <summary>What a merchant's health tile shows at one moment.</summary>
public sealed record HealthFigures(
    string MerchantId,
    DateTimeOffset At,
    OutcomeCounts LastMinute,
    OutcomeCounts LastFiveMinutes,
    int InFlightSessions,
    IReadOnlyList<HealthPoint> History);

using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>What a replay of an event log would have raised, with the curves behind each alert.</summary>
public sealed record BacktestResult(
    IReadOnlyList<BacktestAlert> Alerts,
    IReadOnlyList<AlertChange> Changes,
    IReadOnlyList<SessionFinding> Findings,
    IReadOnlyDictionary<string, IReadOnlyList<StreamPoint>> Curves,
    long Events,
    long Duplicates,
    DateTimeOffset From,
    DateTimeOffset To)
{
    /// <summary>The key of an alert's curve in <see cref="Curves"/>: merchant|dimension kind|value, or merchant|traffic.</summary>
    public static string CurveKey(DetectedAlert alert) => alert.Kind == AlertKind.TrafficDrop
        ? $"{alert.MerchantId}|traffic"
        : $"{alert.MerchantId}|{alert.Dimension.Kind.ToWire()}|{alert.Dimension.Value}";
}

using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Detectors;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// One failure stream at one moment: the counts of its last closed bucket, and for its main rate
/// (actionable for slices, the class rate for decline classes) and its raw rate the baseline and
/// the rate its test is tuned to detect.
/// </summary>
public sealed record StreamSnapshot(
    AlertDimension Dimension,
    DateTimeOffset BucketStart,
    int Attempts,
    int Failures,
    int ActionableFailures,
    double Baseline,
    double Threshold,
    double ActionableBaseline,
    double ActionableThreshold,
    string? AlertKey)
{
    internal static StreamSnapshot Of(FailureStream stream)
    {
        var (start, attempts) = stream.Ring.LastClosed(FailureStream.AttemptsChannel);
        var all = stream.Series[0];
        var actionable = stream.Series.Length > 1 ? stream.Series[1] : stream.Series[0];
        return new StreamSnapshot(
            stream.Dimension,
            start,
            attempts,
            stream.Ring.LastClosed(FailureStream.FailuresChannel).Count,
            stream.Ring.LastClosed(FailureStream.ActionableChannel).Count,
            all.Mean,
            all.AlertKey is null ? all.Moderate.PAlt : all.IncidentLevel,
            actionable.Mean,
            actionable.AlertKey is null ? actionable.Moderate.PAlt : actionable.IncidentLevel,
            stream.AlertKey);
    }
}

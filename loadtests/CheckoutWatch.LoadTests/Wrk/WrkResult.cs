namespace CheckoutWatch.LoadTests.Wrk;

/// <summary>The figures wrk prints, latencies in milliseconds.</summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    long Requests,
    double AverageMs,
    double MaxMs,
    IReadOnlyDictionary<double, double> PercentilesMs,
    long Non2xx,
    long SocketErrors,
    string RawOutput);

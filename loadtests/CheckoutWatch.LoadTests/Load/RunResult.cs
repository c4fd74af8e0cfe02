using System.Text.Json.Serialization;
using HdrHistogram;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>Everything one run measured. Latencies are in milliseconds.</summary>
public sealed record RunResult
{
    public required string Name { get; init; }
    public required string Target { get; init; }

    /// <summary><c>open</c> (arrival-rate driven) or <c>closed</c> (N loops, each waiting for its answer).</summary>
    public required string Model { get; init; }
    public required string Load { get; init; }
    public required int EventsPerRequest { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>How long the load was offered; <see cref="ElapsedSeconds"/> adds the drain of the last requests.</summary>
    public required double PlannedSeconds { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Scheduled { get; init; }
    public required long Sent { get; init; }
    public required long Ok { get; init; }
    public required long Failed { get; init; }
    public required long DroppedByClient { get; init; }
    public required long EventsAccepted { get; init; }
    public required long EventsRejected { get; init; }
    public required long Duplicates { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double EventsPerSecond { get; init; }

    /// <summary>Latency of successful requests, from the scheduled send time (open model) or the actual one (closed).</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>How late the client sent requests after their scheduled time (client-side overhead).</summary>
    public required LatencySummary SendLag { get; init; }
    public required IReadOnlyList<ErrorCount> Errors { get; init; }
    public required IReadOnlyList<SecondSample> Seconds { get; init; }
    public required IReadOnlyList<PercentilePoint> Distribution { get; init; }

    [JsonIgnore]
    public HistogramBase? Histogram { get; init; }

    /// <summary>Failed requests plus requests the client dropped, over all scheduled.</summary>
    public double ErrorShare => Scheduled == 0 ? 0 : (double)(Failed + DroppedByClient) / Scheduled;
}

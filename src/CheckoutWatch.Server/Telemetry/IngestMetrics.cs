using System.Diagnostics.Metrics;
using CheckoutWatch.Ingest;
using CheckoutWatch.Server.Ingest;

namespace CheckoutWatch.Server.Telemetry;

/// <summary>
/// The ingest path's instruments (meter <c>CheckoutWatch.Server</c>). Every way in (HTTP, a
/// stream) calls <see cref="Record"/> once per batch with the same outcome the sender sees.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "CheckoutWatch.Server";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Events by <c>source</c> (http, stream) and <c>outcome</c> (accepted, duplicate, rejected).</summary>
    public static readonly Counter<long> Events = _meter.CreateCounter<long>(
        "checkoutwatch.ingest.events", "{event}", "Events received, by source and outcome.");

    /// <summary>Rejected events by <c>source</c> and validation <c>code</c> (each code once per event).</summary>
    public static readonly Counter<long> Rejections = _meter.CreateCounter<long>(
        "checkoutwatch.ingest.rejections", "{event}", "Rejected events, by source and validation code.");

    public static void Record(string source, IngestOutcome outcome, IReadOnlyList<RejectedEvent> rejected)
    {
        var from = new KeyValuePair<string, object?>("source", source);
        Add(outcome.Accepted, from, "accepted");
        Add(outcome.Duplicates, from, "duplicate");
        Add(rejected.Count, from, "rejected");
        foreach (var reject in rejected)
        {
            foreach (var code in reject.Errors.Select(e => e.Code).Distinct(StringComparer.Ordinal))
            {
                Rejections.Add(1, from, new KeyValuePair<string, object?>("code", code));
            }
        }
    }

    private static void Add(int count, KeyValuePair<string, object?> source, string outcome)
    {
        if (count > 0)
        {
            Events.Add(count, source, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

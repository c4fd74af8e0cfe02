using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.Grains.Diagnostics;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.Diagnostics;

[Collection(ClusterCollection.Name)]
public sealed class AlertMetricsTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Opening_an_alert_counts_it_by_kind_and_severity_and_records_the_detection_delay()
    {
        var merchant = TestEvents.Merchant();
        var detectedAt = cluster.Clock.GetUtcNow();
        var alert = new DetectedAlert($"{merchant}/spike", merchant, AlertKind.PaymentFailureSpike, AlertDimension.Merchant(merchant))
        {
            Severity = AlertSeverity.Critical,
            Title = "Failures",
            StartedAt = detectedAt.AddSeconds(-42),
            DetectedAt = detectedAt,
            UpdatedAt = detectedAt,
        };
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name.StartsWith("checkoutwatch.alerts.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        listener.Start();

        var feed = cluster.Grains.GetGrain<IAlertFeedGrain>(0);
        await feed.ApplyAsync([AlertMapping.ToMessage(new AlertChange(ChangeKind.Opened, alert))]);

        var ours = measurements.Where(m => Equals(m.Tags.GetValueOrDefault("kind"), "payment_failure_spike") && Equals(m.Tags.GetValueOrDefault("severity"), "critical")).ToList();
        Assert.Contains(ours, m => m.Instrument == "checkoutwatch.alerts.changes" && m.Value == 1 && Equals(m.Tags["change"], "opened"));
        Assert.Contains(ours, m => m.Instrument == "checkoutwatch.alerts.detection_delay" && m.Value == 42);
    }

    [Fact]
    public void Notification_failures_are_counted_by_channel_and_reason()
    {
        var seen = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, GrainMetrics.NotificationsFailed))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, v, tags, _) => seen.Add((v, ToDictionary(tags))));
        listener.Start();

        GrainMetrics.NotificationFailed("webhook", "timeout");

        Assert.Contains(seen, m => m.Value == 1 && Equals(m.Tags["channel"], "webhook") && Equals(m.Tags["reason"], "timeout"));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}

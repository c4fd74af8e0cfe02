using System.Text.Json;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CheckoutWatch.Grains.Tests.Storage;

/// <summary>
/// Persisted state must survive the grain storage serializer a cluster's Redis storage uses (the
/// silo's <see cref="IGrainStorageSerializer"/>), nested records and immutable arrays included.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageSerializationTests(ClusterFixture cluster)
{
    [Fact]
    public void Alert_feed_state_round_trips_through_the_silo_storage_serializer()
    {
        var serializer = cluster.SiloServices.GetRequiredService<IGrainStorageSerializer>();
        var alert = SampleAlert();
        var state = new AlertFeedState { Sequence = 42, NextAlertNumber = 8, PrunedThrough = 3 };
        state.Alerts[alert.Id] = alert;
        state.IdByIncident[alert.IncidentKey] = alert.Id;

        var copy = serializer.Deserialize<AlertFeedState>(serializer.Serialize(state))!;

        Assert.Equal(42, copy.Sequence);
        Assert.Equal(8, copy.NextAlertNumber);
        Assert.Equal(3, copy.PrunedThrough);
        Assert.Equal(alert.Id, copy.IdByIncident[alert.IncidentKey]);
        // Records holding ImmutableArray compare arrays by reference: compare their JSON instead.
        Assert.Equal(JsonSerializer.Serialize(alert), JsonSerializer.Serialize(copy.Alerts[alert.Id]));
        Assert.Equal(2, copy.Alerts[alert.Id].TopDeclineCodes.Length);
        Assert.Single(copy.Alerts[alert.Id].Evidence);
    }

    private static AlertView SampleAlert()
    {
        var at = ClusterFixture.Start;
        return new AlertView(
            "al-000007", 41, "shop-a", "payment_failure_spike", "critical", AlertStatus.Acknowledged, "Stripe failing",
            new AlertDimensionView("psp", "stripe"),
            new AlertFigures(0.4, 0.05, 0.1, 60, 200, 80, 300, 310),
            at, at.AddSeconds(5), at.AddSeconds(9), at.AddSeconds(20), "oncall@example.com", null, null,
            57, 123_456, "EUR",
            [new DeclineCodeView("issuer_unavailable", 50, "technical"), new DeclineCodeView("do_not_honor", 30, "customer")],
            new GuidanceView("issuer_unavailable", "The issuer did not answer.", "psp", true, "Ask to retry later.", "Your card was declined.", null, "retry"),
            [new EvidenceView(new AlertDimensionView("psp", "stripe"), 0.4, 0.05, 200, 80)],
            Pages: true, ParentId: null, Occurrences: 1, IncidentKey: "shop-a|spike|psp=stripe");
    }
}

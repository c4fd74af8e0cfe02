using System.Net;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A two-node cluster whose alerts notify a real receiver on 127.0.0.1: a webhook target
/// (<c>primary</c>) and a PagerDuty target (<c>pager</c>), both at level 0 of one policy for every
/// alert, with retries a fraction of a second apart. The receiver fails with 503 until a test
/// tells it to accept.
/// </summary>
public sealed class NotifyingClusterFixture : ClusterFixture
{
    public const string RoutingKey = "cluster-test-routing-key";

    public NotificationReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Receiver = await NotificationReceiver.StartAsync(failWith: (int)HttpStatusCode.ServiceUnavailable);
        await base.InitializeAsync();
    }

    protected override void AddSettings(Dictionary<string, string> settings)
    {
        const string escalation = "CheckoutWatch:Escalation:";
        settings[escalation + "Targets:primary:Type"] = "webhook";
        settings[escalation + "Targets:primary:Url"] = new Uri(Receiver.BaseAddress, "primary").ToString();
        settings[escalation + "Targets:primary:Secret"] = NotificationReceiver.Secret;
        settings[escalation + "Targets:pager:Type"] = "pagerduty";
        settings[escalation + "Targets:pager:Url"] = new Uri(Receiver.BaseAddress, "pager").ToString();
        settings[escalation + "Targets:pager:RoutingKey"] = RoutingKey;
        settings[escalation + "Policies:0:Levels:0:Targets:0"] = "primary";
        settings[escalation + "Policies:0:Levels:0:Targets:1"] = "pager";
        settings[escalation + "AcknowledgementStaleAfter"] = "00:00:00";
        // Short retries (docs/escalation.md, Delivery:*), and enough attempts to outlast the test.
        settings[escalation + "Delivery:FirstRetryDelay"] = "00:00:00.200";
        settings[escalation + "Delivery:MaxRetryDelay"] = "00:00:01";
        settings[escalation + "Delivery:MaxAttempts"] = "50";
        settings[escalation + "Delivery:RequestTimeout"] = "00:00:02";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

using System.Collections.Immutable;
using Orleans.Concurrency;
using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// On-call notification of one alert (key: the alert id): escalation, persisted deliveries with
/// retries, and their status back on the alert.
/// </summary>
public interface IAlertNotifierGrain : IGrainWithStringKey
{
    /// <summary>The alert's latest version. One-way: the feed never waits for (or deadlocks on) a notifier.</summary>
    [OneWay]
    Task AlertChangedAsync(AlertView alert);

    /// <summary>Every delivery this alert has, for operators and tests.</summary>
    Task<ImmutableArray<DeliveryView>> GetDeliveriesAsync();
}

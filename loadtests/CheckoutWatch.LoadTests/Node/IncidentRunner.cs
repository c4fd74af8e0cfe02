using System.Collections.Concurrent;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// Runs incidents one after another, each on a fresh merchant, and waits for the first
/// <c>payment_failure_spike</c> alert of that merchant at the measuring board client.
/// </summary>
public sealed class IncidentRunner(IncidentDriver driver, string runTag, TimeSpan healthy, TimeSpan timeout)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AlertSeen>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Hand every alert the measuring client receives to this.</summary>
    public void OnAlert(AlertSeen alert)
    {
        if (alert.Kind == "payment_failure_spike" && alert.Status == "open" && _waiting.TryGetValue(alert.MerchantId, out var tcs))
        {
            tcs.TrySetResult(alert);
        }
    }

    public static string MerchantFor(string runTag, int incident) => $"lt-incident-{runTag}-{incident:D3}";

    /// <summary>Runs one incident; null with a reason when no alert came in time or no batch was accepted.</summary>
    public async Task<(IncidentTiming? Timing, AlertSeen? Alert, string? Problem)> RunAsync(int incident, CancellationToken cancellationToken)
    {
        var merchant = MerchantFor(runTag, incident);
        var tcs = new TaskCompletionSource<AlertSeen>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[merchant] = tcs;
        var failedHealthy = await driver.HealthyAsync(merchant, healthy, cancellationToken).ConfigureAwait(false);
        if (tcs.Task.IsCompleted)
        {
            return (null, tcs.Task.Result, $"{merchant}: an alert opened during the healthy phase ({failedHealthy} healthy batches failed).");
        }

        var batches = await driver.SpikeAsync(merchant, tcs.Task, timeout, cancellationToken).ConfigureAwait(false);
        if (!tcs.Task.IsCompleted)
        {
            // The last batch may have just tipped it: give the push a moment before giving up.
            await Task.WhenAny(tcs.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false);
        }

        _waiting.TryRemove(merchant, out _);
        if (!tcs.Task.IsCompleted)
        {
            return (null, null, $"{merchant}: no payment_failure_spike alert within {timeout.TotalSeconds:0} s of spike ({batches.Count} batches, {batches.Count(b => b.Accepted is null)} failed).");
        }

        var alert = tcs.Task.Result;
        var timing = IncidentTiming.From(merchant, batches, alert);
        return timing is null ? (null, alert, $"{merchant}: no spike batch was accepted.") : (timing, alert, null);
    }
}

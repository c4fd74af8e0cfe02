using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Grains.Alerts;
using Microsoft.Extensions.Logging;

namespace CheckoutWatch.Grains.Psp;

/// <summary>
/// A thin shell around <see cref="PspMonitor"/>: merchant grains report their counts on this PSP,
/// a one-second timer evaluates and delivers alert changes to the feed (kept and retried on failure).
/// </summary>
public sealed class PspGrain(TimeProvider clock, DetectionOptions detection, ILogger<PspGrain> logger) : Grain, IPspGrain
{
    private PspMonitor _monitor = null!;
    private ImmutableArray<AlertChangeMessage> _undelivered = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _monitor = new PspMonitor(this.GetPrimaryKeyString(), detection);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromSeconds(1),
            Period = TimeSpan.FromSeconds(1),
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public Task<PspStatus> ReportAsync(PspReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var amounts = report.FailedAmounts.IsDefault ? [] : report.FailedAmounts.Select(a => new FailedAmount(a.Currency, a.Actionable, a.Sessions, a.AmountMinor)).ToArray();
        var counts = new PspCounts(_monitor.Psp, report.Attempts, report.Failures, report.ActionableFailures) { FailedAmounts = amounts };
        _monitor.Observe(report.MerchantId, counts, clock.GetUtcNow());
        var reading = _monitor.Reading();
        return Task.FromResult(new PspStatus(reading.OpenIncidentKey, reading.BaselineRate, reading.ActionableBaselineRate));
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var changes = _monitor.Evaluate(clock.GetUtcNow());
        if (changes.Count == 0 && _undelivered.IsEmpty) return;
        var batch = _undelivered.AddRange(changes.Select(AlertMapping.ToMessage));
        try
        {
            await GrainFactory.GetGrain<IAlertFeedGrain>(0).ApplyAsync(batch);
            _undelivered = [];
        }
        catch (Exception ex)
        {
            _undelivered = batch;
            logger.LogWarning(ex, "Delivering {Count} alert changes for PSP {Psp} failed; retrying next tick", batch.Length, _monitor.Psp);
        }
    }
}

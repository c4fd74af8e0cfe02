using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Diagnostics;

namespace CheckoutWatch.Grains.Sessions;

/// <summary>
/// A thin shell around <see cref="CheckoutSession"/>. Its state lives in memory only: a session
/// lasts minutes, and persisting every event would cost more than the session is worth (see
/// docs/design.md). A timer wakes it at the stuck deadline and when it goes idle.
/// </summary>
public sealed class CheckoutSessionGrain(TimeProvider clock, SessionTimeouts timeouts) : Grain, ICheckoutSessionGrain
{
    private CheckoutSession _session = null!;
    private IGrainTimer? _timer;
    private DateTimeOffset _timerDue;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (merchantId, sessionId) = SessionKey.Parse(this.GetPrimaryKeyString());
        _session = new CheckoutSession(merchantId, sessionId);
        return Task.CompletedTask;
    }

    public Task<SessionBatchResult> ApplyAsync(ImmutableArray<CheckoutEvent> events)
    {
        var duplicate = new bool[events.Length];
        bool[]? refused = null;
        var delta = 0;
        List<SessionFinding>? findings = null;
        for (var i = 0; i < events.Length; i++)
        {
            var result = _session.Apply(events[i], timeouts);
            duplicate[i] = result.Duplicate;
            if (result.Refused)
            {
                (refused ??= new bool[events.Length])[i] = true;
            }

            delta += result.InFlightDelta;
            if (result.Finding is { } finding)
            {
                (findings ??= []).Add(finding);
            }
        }

        Schedule();
        if (findings is not null)
        {
            GrainMetrics.SessionFindings.Add(findings.Count);
            Merchant.ReportFindingsAsync([.. findings]).Ignore();
        }

        return Task.FromResult(new SessionBatchResult(duplicate, delta) { Refused = refused });
    }

    public Task<SessionView> GetAsync() => Task.FromResult(new SessionView(
        _session.MerchantId, _session.SessionId, _session.Payment.ToString(), _session.Started,
        _session.Completed, _session.Abandoned, _session.EventCount, _session.PaymentAttempts,
        _session.FailedAttempts, _session.SuccessfulPayments, _session.AmountMinor, _session.Currency,
        _session.Psp, _session.StuckDeadline(timeouts)));

    // One timer, aimed at whichever comes first: the stuck deadline still to check or
    // the idle expiry. The grain stays active while the session is in flight: its state is here.
    private void Schedule()
    {
        if (!_session.InFlight)
        {
            _timer?.Dispose();
            _timer = null;
            DelayDeactivation(TimeSpan.FromMinutes(15));
            return;
        }

        var now = clock.GetUtcNow();
        var idleAt = Max(_session.LastEventAt, now) + timeouts.Idle;
        // Only a stuck deadline not yet reported counts: one already reported lies in the past
        // and would fire the timer again at once, for ever.
        var stuckAt = _session.PendingStuckDeadline(timeouts);
        var due = stuckAt is { } s && s < idleAt ? s : idleAt;
        var dueIn = due - now;
        if (dueIn < TimeSpan.Zero) dueIn = TimeSpan.Zero;

        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions
            {
                DueTime = dueIn,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
            _timerDue = due;
        }
        else if (due < _timerDue)
        {
            // Re-aim only when the wake-up moves earlier: a timer that fires early just
            // re-schedules itself, which is cheaper than changing it on every event.
            _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
            _timerDue = due;
        }
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        GrainMetrics.SessionTimerTicks.Add(1);
        var now = clock.GetUtcNow();
        _timerDue = DateTimeOffset.MaxValue;
        if (_session.CheckStuck(now, timeouts) is { } stuck)
        {
            GrainMetrics.SessionFindings.Add(1);
            Merchant.ReportFindingsAsync([stuck]).Ignore();
        }

        var delta = _session.ExpireIfIdle(now, timeouts);
        if (delta != 0)
        {
            await GrainFactory.GetGrain<IIngestBufferGrain>(0)
                .AddAsync(new MerchantBatch(_session.MerchantId, [], delta));
        }

        Schedule();
    }

    private IMerchantGrain Merchant => GrainFactory.GetGrain<IMerchantGrain>(_session.MerchantId);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Diagnostics;

namespace CheckoutWatch.Grains.Sessions;

/// <summary>
/// A thin shell around <see cref="SessionPartition"/>. Its state lives in memory only: a session
/// lasts minutes, and persisting every event would cost more than the session is worth (see
/// docs/design.md). One timer per partition advances the timing wheel every
/// <see cref="SessionPartition.Resolution"/> while the partition holds sessions (and keeps it
/// active); an empty partition stops its timer and may be deactivated.
/// </summary>
public sealed class SessionPartitionGrain(TimeProvider clock, SessionTimeouts timeouts) : Grain, ISessionPartitionGrain
{
    private readonly SessionPartition _partition = new(timeouts);
    private readonly List<SessionFinding> _findings = [];
    private readonly Dictionary<string, int> _inFlightDeltas = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;

    public Task<PartitionBatchResult> ApplyAsync(ImmutableArray<CheckoutEvent> events)
    {
        var now = clock.GetUtcNow();
        var duplicate = new bool[events.Length];
        var delta = new sbyte[events.Length];
        bool[]? refused = null;
        for (var i = 0; i < events.Length; i++)
        {
            var result = _partition.Apply(events[i], now);
            duplicate[i] = result.Duplicate;
            delta[i] = (sbyte)result.InFlightDelta;
            if (result.Refused)
            {
                (refused ??= new bool[events.Length])[i] = true;
            }

            if (result.Finding is { } finding)
            {
                _findings.Add(finding);
            }
        }

        ReportFindings();
        if (_timer is null && _partition.Count > 0)
        {
            _timer = this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions
            {
                DueTime = SessionPartition.Resolution,
                Period = SessionPartition.Resolution,
                KeepAlive = true,
            });
        }

        return Task.FromResult(new PartitionBatchResult(duplicate, delta) { Refused = refused });
    }

    public Task<SessionView?> GetSessionAsync(string merchantId, string sessionId) =>
        Task.FromResult(_partition.Find(merchantId, sessionId) is { } s ? ViewOf(s, timeouts.For(merchantId)) : null);

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        var looked = _partition.Advance(clock.GetUtcNow(), _findings, _inFlightDeltas);
        if (looked > 0)
        {
            GrainMetrics.SessionWakeups.Add(looked);
        }

        ReportFindings();
        if (_inFlightDeltas.Count > 0)
        {
            var closed = _inFlightDeltas.Select(d => new MerchantBatch(d.Key, [], d.Value)).ToImmutableArray();
            _inFlightDeltas.Clear();
            await GrainFactory.GetGrain<IIngestBufferGrain>(0).AddManyAsync(closed);
        }

        if (_partition.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void ReportFindings()
    {
        if (_findings.Count == 0)
        {
            return;
        }

        GrainMetrics.SessionFindings.Add(_findings.Count);
        foreach (var merchant in _findings.GroupBy(f => f.MerchantId, StringComparer.Ordinal))
        {
            GrainFactory.GetGrain<IMerchantGrain>(merchant.Key).ReportFindingsAsync([.. merchant]).Ignore();
        }

        _findings.Clear();
    }

    private static SessionView ViewOf(CheckoutSession s, SessionTimeouts own) => new(
        s.MerchantId, s.SessionId, s.Payment.ToString(), s.Started, s.Completed, s.Abandoned, s.EventCount,
        s.PaymentAttempts, s.FailedAttempts, s.SuccessfulPayments, s.AmountMinor, s.Currency, s.Psp, s.StuckDeadline(own));
}

using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CheckoutWatch.Grains.Ingest;

/// <summary>
/// One per node (a stateless worker is always local, so adding costs no hop or serialization).
/// Buffers accepted events per merchant and flushes every <see cref="FlushInterval"/>: a merchant
/// sending 50,000 events a second receives about twenty calls a second per node, not 50,000.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class IngestBufferGrain(ILogger<IngestBufferGrain> logger) : Grain, IIngestBufferGrain
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;

    public Task AddManyAsync(ImmutableArray<MerchantBatch> batches)
    {
        foreach (var batch in batches)
        {
            Add(batch);
        }

        return Task.CompletedTask;
    }

    public Task AddAsync(MerchantBatch batch)
    {
        Add(batch);
        return Task.CompletedTask;
    }

    private void Add(MerchantBatch batch)
    {
        if (!_pending.TryGetValue(batch.MerchantId, out var pending))
        {
            pending = new Pending();
            _pending[batch.MerchantId] = pending;
        }

        pending.Events.AddRange(batch.Events);
        pending.InFlightDelta += batch.InFlightDelta;
        _timer ??= this.RegisterGrainTimer(FlushTickAsync, new GrainTimerCreationOptions
        {
            DueTime = FlushInterval,
            Period = FlushInterval,
            Interleave = true,
            KeepAlive = true,
        });
    }

    public Task FlushAsync() => FlushAsync(CancellationToken.None);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    private Task FlushTickAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // Swap first: adds that interleave with the flush go to the next round.
        var flushing = _pending;
        _pending = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var sends = new List<Task>(flushing.Count);
        var merchants = new List<string>(flushing.Count);
        foreach (var (merchantId, pending) in flushing)
        {
            var batch = new MerchantBatch(merchantId, [.. pending.Events], pending.InFlightDelta);
            sends.Add(GrainFactory.GetGrain<IMerchantGrain>(merchantId).RecordAsync(batch));
            merchants.Add(merchantId);
        }

        try
        {
            await Task.WhenAll(sends);
        }
        catch (Exception ex)
        {
            // Accepted events are never dropped: what failed goes back into the buffer.
            for (var i = 0; i < sends.Count; i++)
            {
                if (sends[i].IsFaulted)
                {
                    var batch = flushing[merchants[i]];
                    Add(new MerchantBatch(merchants[i], [.. batch.Events], batch.InFlightDelta));
                }
            }

            logger.LogWarning(ex, "Flushing accepted events to merchant grains failed; they will be retried");
        }
    }

    private sealed class Pending
    {
        public List<CheckoutEvent> Events { get; } = [];
        public int InFlightDelta { get; set; }
    }
}

using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Health;
using CheckoutWatch.Grains.Board;

namespace CheckoutWatch.Grains.Merchants;

/// <summary>
/// A thin shell around <see cref="MerchantHealthCounters"/>: counts what the ingest buffers
/// flush to it and publishes the tile once a second while something changes.
/// </summary>
public sealed class MerchantGrain(TimeProvider clock, IBoardNotifier board) : Grain, IMerchantGrain
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private MerchantHealthCounters _counters = null!;
    private MerchantHealth? _lastPublished;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _counters = new MerchantHealthCounters(this.GetPrimaryKeyString());
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TickInterval,
            Period = TickInterval,
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public Task RecordAsync(MerchantBatch batch)
    {
        var now = clock.GetUtcNow();
        foreach (var evt in batch.Events)
        {
            // Counters live in event time, but a client clock running ahead must not write
            // into seconds that have not happened yet.
            _counters.Record(evt, evt.OccurredAt > now ? now : evt.OccurredAt);
        }

        _counters.AddInFlight(batch.InFlightDelta);
        return Task.CompletedTask;
    }

    public Task<MerchantHealth> GetHealthAsync() => Task.FromResult(Tile(clock.GetUtcNow()));

    public Task<MerchantBreakdown> GetBreakdownAsync()
    {
        var now = clock.GetUtcNow();
        var total = _counters.Snapshot(now, historyPoints: 0).LastFiveMinutes;
        var entries = Enum.GetValues<BreakdownDimension>()
            .SelectMany(d => _counters.Breakdown(d, now))
            .Select(r => new BreakdownEntry(MerchantHealthMapping.WireName(r.Dimension), r.Value, r.Counts.Attempts, r.Counts.Successes, r.Counts.Failures))
            .ToImmutableArray();
        return Task.FromResult(new MerchantBreakdown(
            _counters.MerchantId, total.Started, total.Attempts, total.Successes, total.Failures,
            _counters.InFlightSessions, entries));
    }

    private Task TickAsync(CancellationToken cancellationToken)
    {
        var tile = Tile(clock.GetUtcNow());
        if (_lastPublished is null || !MerchantHealthMapping.SameFigures(_lastPublished, tile))
        {
            _lastPublished = tile;
            board.HealthChanged(tile);
        }

        return Task.CompletedTask;
    }

    private MerchantHealth Tile(DateTimeOffset now) => MerchantHealthMapping.ToTile(_counters.Snapshot(now));
}

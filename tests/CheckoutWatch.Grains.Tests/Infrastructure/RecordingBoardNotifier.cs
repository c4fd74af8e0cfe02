using CheckoutWatch.Abstractions.Alerts;
using System.Collections.Concurrent;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Grains.Board;

namespace CheckoutWatch.Grains.Tests.Infrastructure;

/// <summary>Keeps every tile the grains publish, and lets a test await one that matches.</summary>
public sealed class RecordingBoardNotifier : IBoardNotifier
{
    private readonly ConcurrentQueue<MerchantHealth> _tiles = new();
    private readonly List<(Func<MerchantHealth, bool> Match, TaskCompletionSource<MerchantHealth> Done)> _waiters = [];

    private readonly ConcurrentQueue<AlertView> _alerts = new();

    public IReadOnlyCollection<MerchantHealth> Tiles => _tiles;

    public IReadOnlyCollection<AlertView> Alerts => _alerts;

    public void AlertsChanged(IReadOnlyList<AlertView> alerts)
    {
        foreach (var alert in alerts)
        {
            _alerts.Enqueue(alert);
        }
    }

    public void HealthChanged(MerchantHealth tile)
    {
        _tiles.Enqueue(tile);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(tile)).ToList())
            {
                waiter.Done.TrySetResult(tile);
                _waiters.Remove(waiter);
            }
        }
    }

    public Task<MerchantHealth> WaitForAsync(Func<MerchantHealth, bool> match)
    {
        lock (_waiters)
        {
            var known = _tiles.FirstOrDefault(match);
            if (known is not null)
            {
                return Task.FromResult(known);
            }

            var done = new TaskCompletionSource<MerchantHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }
}

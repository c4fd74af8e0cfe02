using CheckoutWatch.Abstractions.Alerts;
using System.Collections.Concurrent;
using System.Threading.Channels;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CheckoutWatch.Server.Board;

/// <summary>
/// Collects the tiles this node's merchant grains publish and sends them to every board once a
/// second in one message, keeping only the newest tile per merchant; the same batch refreshes
/// the snapshot grain that late-joining boards start from.
/// </summary>
public sealed class SignalRBoardNotifier(
    IHubContext<WarRoomHub, IWarRoomClient> hub,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<SignalRBoardNotifier> logger) : BackgroundService, IBoardNotifier
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private ConcurrentDictionary<string, MerchantHealth> _pending = new(StringComparer.Ordinal);

    // Alerts go out at once, unbatched (they are rare and every second counts), through one
    // queue so they leave in feed-sequence order: a later change never overtakes an earlier one.
    private readonly Channel<IReadOnlyList<AlertView>> _alerts = Channel.CreateUnbounded<IReadOnlyList<AlertView>>(
        new UnboundedChannelOptions { SingleReader = true });

    public void AlertsChanged(IReadOnlyList<AlertView> alerts) => _alerts.Writer.TryWrite(alerts);

    public void HealthChanged(MerchantHealth tile) =>
        _pending.AddOrUpdate(tile.MerchantId, tile, (_, known) => known.At <= tile.At ? tile : known);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendTilesLoopAsync(stoppingToken), SendAlertsLoopAsync(stoppingToken));

    private async Task SendAlertsLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alerts in _alerts.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAlertsAsync(alerts);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendTilesLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendPendingAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAlertsAsync(IReadOnlyList<AlertView> alerts)
    {
        try
        {
            await hub.Clients.All.AlertsChanged(alerts);
        }
        catch (Exception ex)
        {
            // Boards that miss a push catch up from their last sequence on reconnect.
            logger.LogWarning(ex, "Pushing {Count} alert changes failed", alerts.Count);
        }
    }

    internal async Task SendPendingAsync()
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, MerchantHealth>(StringComparer.Ordinal));
        var tiles = batch.Values.OrderBy(t => t.MerchantId, StringComparer.Ordinal).ToArray();
        try
        {
            await grains.GetGrain<IBoardSnapshotGrain>(0).PublishAsync([.. tiles]);
            await hub.Clients.All.HealthUpdated(tiles);
        }
        catch (Exception ex)
        {
            // The next second's tiles replace these; a board never shows figures older than that.
            logger.LogWarning(ex, "Publishing {Count} merchant tiles failed", tiles.Length);
        }
    }
}

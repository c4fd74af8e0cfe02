using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Keeps this node's <see cref="IngestKeyStore"/> in step with the persisted revocations: loads
/// them at start, refreshes every <see cref="RefreshInterval"/> (revocations made on other nodes),
/// and applies a revocation made here at once.
/// </summary>
public sealed class IngestKeyRevocations(IGrainFactory grains, IngestKeyStore keys, TimeProvider clock, ILogger<IngestKeyRevocations> logger)
    : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private IIngestKeyRevocationGrain Grain => grains.GetGrain<IIngestKeyRevocationGrain>(0);

    /// <summary>Revokes the key; false when it was revoked already.</summary>
    public async Task<bool> RevokeAsync(IngestKey key, string by)
    {
        var added = await Grain.RevokeAsync(new IngestKeyRevocation(key.HashHex, key.Name, key.Slot, clock.GetUtcNow(), by));
        await RefreshAsync();
        return added;
    }

    public async Task RefreshAsync() => keys.SetRevoked((await Grain.ListAsync()).Select(r => r.KeyHash));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, clock);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The revocations known so far stay in force; the next tick tries again.
                logger.LogWarning(ex, "Refreshing ingest key revocations failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

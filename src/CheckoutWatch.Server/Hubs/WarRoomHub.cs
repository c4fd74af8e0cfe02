using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Customers;
using CheckoutWatch.Server.Outreach;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// The war-room hub at <c>/hubs/warroom</c>. Boards call <see cref="GetSnapshot"/> on connect,
/// then apply pushed changes; after a reconnect they call <see cref="GetAlertsSince"/> with the
/// last sequence they saw and get exactly the alerts that changed meanwhile.
/// Connecting needs <see cref="Policies.ViewBoard"/>; every method names its own policy, checked
/// on each call (<see cref="HubAuthorizationFilter"/>).
/// </summary>
[Authorize(Policy = Policies.ViewBoard)]
public sealed class WarRoomHub(IGrainFactory grains, CustomerDataAccess customers, OutreachAccess outreach, TimeProvider clock) : Hub<IWarRoomClient>
{
    public const string Path = "/hubs/warroom";

    [Authorize(Policy = Policies.ViewBoard)]
    public async Task<BoardSnapshot> GetSnapshot()
    {
        var tiles = grains.GetGrain<IBoardSnapshotGrain>(0).GetTilesAsync();
        var feed = await grains.GetGrain<IAlertFeedGrain>(0).GetSinceAsync(0);
        return new BoardSnapshot(clock.GetUtcNow(), await tiles, feed.Alerts, feed.Sequence);
    }

    [Authorize(Policy = Policies.ViewBoard)]
    public Task<AlertFeedPage> GetAlertsSince(long sequence) =>
        grains.GetGrain<IAlertFeedGrain>(0).GetSinceAsync(sequence);

    /// <summary>The merchant's session findings of the last hour; contact data masked unless the caller is an agent or admin.</summary>
    [Authorize(Policy = Policies.ViewBoard)]
    public Task<IReadOnlyList<SessionFindingView>> GetFindings(string merchantId) =>
        customers.FindingsAsync(merchantId, Context.User ?? new());

    /// <summary>The outreach queue (open and claimed items, today's done ones), saved today and escalations; contact data by role.</summary>
    [Authorize(Policy = Policies.ViewBoard)]
    public Task<OutreachSnapshot> GetOutreach() => outreach.SnapshotAsync(Context.User ?? new());
}

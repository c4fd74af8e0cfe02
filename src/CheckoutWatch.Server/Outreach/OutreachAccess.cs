using System.Security.Claims;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Server.Customers;

namespace CheckoutWatch.Server.Outreach;

/// <summary>Reads the outreach queue for a caller, contact data unmasked only for see-customer-data.</summary>
public sealed class OutreachAccess(IGrainFactory grains, CustomerDataAccess customers, OutreachViews views)
{
    public const int SnapshotLimit = 500;

    private IOutreachGrain Queue => grains.GetGrain<IOutreachGrain>(0);

    public async Task<IReadOnlyList<OutreachItemView>> ListAsync(OutreachQuery query, ClaimsPrincipal user)
    {
        var unmasked = await customers.MaySeeContactsAsync(user);
        return [.. (await Queue.ListAsync(query)).Select(i => views.View(i, unmasked))];
    }

    public async Task<OutreachItemView?> GetAsync(string id, ClaimsPrincipal user) =>
        await Queue.GetAsync(id) is { } item ? views.View(item, await customers.MaySeeContactsAsync(user)) : null;

    public async Task<OutreachSnapshot> SnapshotAsync(ClaimsPrincipal user)
    {
        var items = ListAsync(new OutreachQuery(null, null, null, null, SnapshotLimit), user);
        var saved = Queue.GetSavedTodayAsync();
        var escalations = Queue.ListEscalationsAsync();
        return new OutreachSnapshot(await items, await saved, await escalations);
    }

    public async Task<OutreachItemView> ViewAsync(OutreachItem item, ClaimsPrincipal user) => views.View(item, await customers.MaySeeContactsAsync(user));
}

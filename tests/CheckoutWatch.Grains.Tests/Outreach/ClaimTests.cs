using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using static CheckoutWatch.Grains.Tests.Outreach.OutreachCases;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Outreach;

/// <summary>Exclusive claims: the race, expiry on the fake clock, renewal, release, persistence.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClaimTests(ClusterFixture cluster)
{
    private IAuditLog Audit => cluster.SiloServices.GetRequiredService<IAuditLog>();

    [Fact]
    public async Task Two_agents_claiming_at_once_one_wins_and_the_other_is_told_who_holds_it()
    {
        var (queue, item) = await OneItemAsync();

        var results = await Task.WhenAll(queue.ClaimAsync(item.Id, "anna"), queue.ClaimAsync(item.Id, "ben"));

        var winner = Assert.Single(results, r => r.Refusal == OutreachRefusal.None);
        var loser = Assert.Single(results, r => r.Refusal != OutreachRefusal.None);
        Assert.Equal(OutreachRefusal.ClaimedByOther, loser.Refusal);
        Assert.Equal(winner.Item!.ClaimedBy, loser.Item!.ClaimedBy);
        Assert.Contains(winner.Item.ClaimedBy!, loser.Detail, StringComparison.Ordinal);
        Assert.Equal(OutreachStatus.Claimed, (await queue.GetAsync(item.Id))!.Status);
        Assert.Equal(winner.Item.ClaimedBy, Assert.Single(await AuditedAsync(AuditActions.OutreachClaimed, item)).Actor);
    }

    [Fact]
    public async Task An_abandoned_claim_returns_to_the_queue_after_the_timeout_and_is_audited()
    {
        var (queue, item) = await OneItemAsync();
        var claimed = (await queue.ClaimAsync(item.Id, "anna")).Item!;
        Assert.Equal(cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), claimed.ClaimExpiresAt);

        cluster.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(OutreachRefusal.ClaimedByOther, (await queue.ClaimAsync(item.Id, "ben")).Refusal);

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        // The expiry timer pushes the reopened item without anyone asking.
        await WaitForAsync(() => cluster.Outreach.Items.Any(i => i.Id == item.Id && i.Version > claimed.Version && i.Status == OutreachStatus.Open));
        var reopened = (await queue.GetAsync(item.Id))!;
        Assert.Null(reopened.ClaimedBy);
        var expiry = Assert.Single(await AuditedAsync(AuditActions.OutreachClaimExpired, item));
        Assert.Equal("system", expiry.Actor);
        Assert.Contains("anna", expiry.Detail, StringComparison.Ordinal);
        Assert.Equal(OutreachRefusal.None, (await queue.ClaimAsync(item.Id, "ben")).Refusal);
    }

    [Fact]
    public async Task Claiming_again_renews_the_claim()
    {
        var (queue, item) = await OneItemAsync();
        var first = (await queue.ClaimAsync(item.Id, "anna")).Item!;
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var renewed = (await queue.ClaimAsync(item.Id, "anna")).Item!;

        Assert.Equal(first.ClaimedAt, renewed.ClaimedAt);
        Assert.Equal(cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), renewed.ClaimExpiresAt);
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("anna", (await queue.GetAsync(item.Id))!.ClaimedBy);
    }

    [Fact]
    public async Task Only_the_holder_releases_unless_forced_and_an_unclaimed_item_cannot_be_released()
    {
        var (queue, item) = await OneItemAsync();
        Assert.Equal(OutreachRefusal.NotClaimed, (await queue.ReleaseAsync(item.Id, "anna", force: false)).Refusal);
        await queue.ClaimAsync(item.Id, "anna");

        Assert.Equal(OutreachRefusal.ClaimedByOther, (await queue.ReleaseAsync(item.Id, "ben", force: false)).Refusal);
        var released = await queue.ReleaseAsync(item.Id, "anna", force: false);
        Assert.Equal(OutreachStatus.Open, released.Item!.Status);

        await queue.ClaimAsync(item.Id, "anna");
        Assert.Equal(OutreachStatus.Open, (await queue.ReleaseAsync(item.Id, "root", force: true)).Item!.Status);
        var entries = await AuditedAsync(AuditActions.OutreachReleased, item);
        Assert.Equal(["root", "anna"], entries.Select(e => e.Actor));
        Assert.Equal(OutreachRefusal.NotFound, (await queue.ReleaseAsync("or-nope", "anna", force: false)).Refusal);
        Assert.Equal(OutreachRefusal.NotFound, (await queue.ClaimAsync("or-nope", "anna")).Refusal);
    }

    [Fact]
    public async Task A_claim_survives_the_queue_grain_being_deactivated()
    {
        var (queue, item) = await OneItemAsync();
        await queue.ClaimAsync(item.Id, "anna");

        await queue.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await WaitForAsync(async () => (await queue.GetAsync(item.Id))?.ClaimedBy == "anna");

        Assert.Equal(OutreachRefusal.ClaimedByOther, (await queue.ClaimAsync(item.Id, "ben")).Refusal);
    }

    private async Task<(IOutreachGrain Queue, OutreachItem Item)> OneItemAsync()
    {
        var queue = Queue(cluster.Grains);
        var merchant = Merchant();
        await queue.AddAsync([Case(merchant, OutreachReason.RepeatedFailures, 4999, cluster.Clock.GetUtcNow())]);
        return (queue, await OnlyItemAsync(queue, merchant));
    }

    /// <summary>The audit entries of one item (item ids repeat across the tests' separate queues; merchants do not).</summary>
    private async Task<List<AuditEntry>> AuditedAsync(string action, OutreachItem item) =>
        [.. (await Audit.QueryAsync(new AuditQuery(Action: action, Target: item.Id, Limit: 1000))).Entries
            .Where(e => e.Detail?.StartsWith(item.Case.MerchantId + ":", StringComparison.Ordinal) == true)];

    internal static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    internal static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("The condition did not hold within 5 s.");
    }
}

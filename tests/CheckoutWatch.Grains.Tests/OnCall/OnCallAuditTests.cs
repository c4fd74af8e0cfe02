using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Notifications;
using CheckoutWatch.Grains.Silences;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.OnCall;

/// <summary>What the system does on its own is audited too: silences ending by time, escalation steps. On the fake clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OnCallAuditTests(ClusterFixture cluster)
{
    private IAlertFeedGrain Feed => cluster.Grains.GetGrain<IAlertFeedGrain>(0);

    private ISilenceGrain Silences => cluster.Grains.GetGrain<ISilenceGrain>(0);

    [Fact]
    public async Task A_silence_that_ends_by_time_is_audited_once_by_the_system_and_one_ended_early_is_not()
    {
        var merchant = TestAlerts.NewMerchant();
        var now = cluster.Clock.GetUtcNow();
        var timed = await Silences.CreateAsync(new SilenceView("", merchant, null, null, null, now, now.AddMinutes(5), "dana", "Deploy window", now));
        var early = await Silences.CreateAsync(new SilenceView("", merchant, "traffic_drop", null, null, now, now.AddMinutes(5), "dana", "Load test", now));
        await Silences.ExpireAsync(early.Id, "lee");

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Empty(await EntriesAsync(timed.Id));

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        var ended = Assert.Single(await WaitForEntriesAsync(timed.Id, e => e.Count > 0));
        Assert.Equal((SilenceGrain.SystemActor, AuditActions.SilenceEnded), (ended.Actor, ended.Action));
        Assert.Equal(now.AddMinutes(5), ended.At);
        Assert.Contains(merchant, ended.Detail, StringComparison.Ordinal);
        Assert.Contains("Deploy window", ended.Detail, StringComparison.Ordinal);

        // Later wake-ups (the reminder, a new silence) do not audit it again; the early one never was by time.
        await Silences.CreateAsync(new SilenceView("", merchant, null, null, null, cluster.Clock.GetUtcNow(), cluster.Clock.GetUtcNow().AddMinutes(1), "dana", "Another", now));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Single(await EntriesAsync(timed.Id));
        Assert.DoesNotContain(await EntriesAsync(early.Id), e => e.Action == AuditActions.SilenceEnded);
    }

    [Fact]
    public async Task Each_escalation_step_of_the_notifier_is_one_audit_entry_naming_its_level_and_targets()
    {
        var alert = await TestAlerts.OpenAsync(Feed, TestAlerts.NewMerchant(), cluster.Clock.GetUtcNow());
        var opened = Assert.Single(await WaitForEntriesAsync(alert.Id, e => e.Count > 0));
        Assert.Equal((AlertNotifierGrain.NotifierActor, AuditActions.AlertNotified), (opened.Actor, opened.Action));
        Assert.Equal("trigger level 0 (opened) → primary, pagerduty", opened.Detail);

        // Ten unacknowledged minutes: the next level.
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(10));
        var escalated = (await WaitForEntriesAsync(alert.Id, e => e.Count == 2))[0];
        Assert.Equal((AuditActions.AlertEscalated, "trigger level 1 (escalated) → secondary"), (escalated.Action, escalated.Detail));

        // Acknowledged, then left alone until the acknowledgement is stale: a reminder to everyone paged.
        await Feed.AcknowledgeAsync(alert.Id, "dana");
        await WaitForEntriesAsync(alert.Id, e => e.Count == 3);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(30));
        var entries = await WaitForEntriesAsync(alert.Id, e => e.Count == 4);
        Assert.Equal([AuditActions.AlertRenotified, AuditActions.AlertNotified, AuditActions.AlertEscalated, AuditActions.AlertNotified],
            entries.Select(e => e.Action));
        Assert.StartsWith("acknowledge level", entries[1].Detail, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal(AlertNotifierGrain.NotifierActor, e.Actor));
        await Feed.ResolveAsync(alert.Id, "dana");
        await WaitForEntriesAsync(alert.Id, e => e.Count == 5);
    }

    /// <summary>Newest first.</summary>
    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string target) =>
        (await cluster.Audit.QueryAsync(new AuditQuery(Target: target))).Entries;

    private async Task<IReadOnlyList<AuditEntry>> WaitForEntriesAsync(string target, Func<IReadOnlyList<AuditEntry>, bool> match)
    {
        for (var i = 0; i < 500; i++)
        {
            var entries = await EntriesAsync(target);
            if (match(entries))
            {
                return entries;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"The audit log for {target} never matched: {string.Join(", ", (await EntriesAsync(target)).Select(e => e.Action))}");
    }
}

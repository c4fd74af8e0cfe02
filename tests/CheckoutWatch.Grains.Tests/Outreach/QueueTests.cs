using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Grains.Tests.Infrastructure;
using CheckoutWatch.Grains.Tests.OnCall;
using static CheckoutWatch.Grains.Tests.Outreach.OutreachCases;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Outreach;

/// <summary>The queue's order, one item per customer, outcomes, saved today, retention and escalations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Duplicate_charges_come_first_then_amount_times_urgency()
    {
        var queue = Queue(cluster.Grains);
        var m = Merchant();
        var at = cluster.Clock.GetUtcNow();
        await queue.AddAsync([
            Case(m, OutreachReason.RepeatedFailures, 25_000, at, "repeated-250"),   // 250 × 1
            Case(m, OutreachReason.StuckAtPayment, 10_000, at, "stuck-100"),        // 100 × 3 = 300
            Case(m, OutreachReason.IncidentFailure, 20_000, at, "incident-200"),    // 200 × 2 = 400
            Case(m, OutreachReason.DuplicateCharge, 500, at, "duplicate-5"),        // first, however small
        ]);

        var order = (await queue.ListAsync(new OutreachQuery(null, m, null, null, 100))).Select(i => i.Case.Customer!.Id).ToList();

        Assert.Equal(["duplicate-5", "incident-200", "stuck-100", "repeated-250"], order);
    }

    [Fact]
    public async Task One_item_per_customer_taking_the_more_urgent_reason()
    {
        var queue = Queue(cluster.Grains);
        var m = Merchant();
        var at = cluster.Clock.GetUtcNow();
        await queue.AddAsync([Case(m, OutreachReason.RepeatedFailures, 4999, at, "c1")]);
        await queue.AddAsync([Case(m, OutreachReason.StuckAtPayment, 4999, at, "c1")]);
        await queue.AddAsync([Case(m, OutreachReason.RepeatedFailures, 4999, at, "c1")]);

        var item = await OnlyItemAsync(queue, m);
        Assert.Equal(OutreachReason.StuckAtPayment, item.Reason);
        Assert.Equal("51", item.Case.DeclineCode);
    }

    [Fact]
    public async Task Outcomes_are_final_and_feed_saved_today_per_currency()
    {
        var queue = Queue(cluster.Grains);
        var m = Merchant();
        var at = cluster.Clock.GetUtcNow();
        await queue.AddAsync([Case(m, OutreachReason.StuckAtPayment, 4999, at, "eur-1"), Case(m, OutreachReason.StuckAtPayment, 2000, at, "eur-2"),
            Case(m, OutreachReason.RepeatedFailures, 9000, at, "gbp", "GBP"), Case(m, OutreachReason.DuplicateCharge, 1500, at, "dup")]);
        var items = (await queue.ListAsync(new OutreachQuery(null, m, null, null, 100))).ToDictionary(i => i.Case.Customer!.Id!);
        await queue.ClaimAsync(items["eur-1"].Id, "anna");

        Assert.Equal(OutreachRefusal.ClaimedByOther, (await queue.RecordOutcomeAsync(items["eur-1"].Id, "ben", OutreachOutcome.NotNeeded, null, null)).Refusal);
        var done = await queue.RecordOutcomeAsync(items["eur-1"].Id, "anna", OutreachOutcome.Recovered, 4999, "paid by link");
        await queue.RecordOutcomeAsync(items["eur-2"].Id, "ben", OutreachOutcome.Recovered, 1500, null);
        await queue.RecordOutcomeAsync(items["gbp"].Id, "ben", OutreachOutcome.Recovered, 9000, null);
        await queue.RecordOutcomeAsync(items["dup"].Id, "ben", OutreachOutcome.Refunded, null, null);

        Assert.Equal(OutreachStatus.Done, done.Item!.Status);
        Assert.Null(done.Item.ClaimExpiresAt);
        Assert.Equal(OutreachRefusal.AlreadyDone, (await queue.RecordOutcomeAsync(items["eur-1"].Id, "anna", OutreachOutcome.NoAnswer, null, null)).Refusal);
        Assert.Equal(OutreachRefusal.AlreadyDone, (await queue.ClaimAsync(items["eur-1"].Id, "ben")).Refusal);
        Assert.Equal(OutreachRefusal.NotFound, (await queue.RecordOutcomeAsync("or-nope", "anna", OutreachOutcome.NoAnswer, null, null)).Refusal);
        var saved = await queue.GetSavedTodayAsync();
        Assert.Equal(3, saved.CustomersRecovered);
        Assert.Equal(1, saved.Refunded);
        Assert.Equal([new CurrencyAmount("EUR", 6499), new CurrencyAmount("GBP", 9000)], saved.Revenue.OrderBy(r => r.Currency));
        Assert.Equal(0, saved.Open + saved.Claimed);
        Assert.Equal(3, cluster.Outreach.LastSaved!.CustomersRecovered);
    }

    [Fact]
    public async Task Done_items_from_before_today_and_untouched_open_items_are_pruned()
    {
        var queue = Queue(cluster.Grains);
        var m = Merchant();
        var at = cluster.Clock.GetUtcNow();
        await queue.AddAsync([Case(m, OutreachReason.StuckAtPayment, 4999, at, "done"), Case(m, OutreachReason.StuckAtPayment, 100, at, "open")]);
        var done = (await queue.ListAsync(new OutreachQuery(null, m, null, null, 100))).Single(i => i.Case.Customer!.Id == "done");
        await queue.RecordOutcomeAsync(done.Id, "anna", OutreachOutcome.Recovered, 4999, null);

        cluster.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.Equal(0, (await queue.GetSavedTodayAsync()).CustomersRecovered);
        await queue.AddAsync([Case(Merchant(), OutreachReason.StuckAtPayment, 1, cluster.Clock.GetUtcNow())]);

        Assert.Empty(await queue.ListAsync(new OutreachQuery(null, m, null, null, 100)));
    }

    [Fact]
    public async Task An_escalation_linked_to_an_alert_lands_in_its_timeline_and_on_the_boards()
    {
        var feed = cluster.Grains.GetGrain<IAlertFeedGrain>(0);
        var alert = await TestAlerts.OpenAsync(feed, Merchant(), cluster.Clock.GetUtcNow());
        var queue = Queue(cluster.Grains);

        var raised = await queue.EscalateAsync(new Escalation("", "anna", default, "Three customers say the 3-D Secure page is blank") { AlertId = alert.Id });

        Assert.StartsWith("esc-", raised.Id, StringComparison.Ordinal);
        Assert.Equal(cluster.Clock.GetUtcNow(), raised.RaisedAt);
        var entry = (await feed.GetTimelineAsync(alert.Id)).Last();
        Assert.Equal((AlertTimelineEntry.AgentEscalation, "anna", raised.Note), (entry.Kind, entry.Actor, entry.Text));
        Assert.Contains(raised, cluster.Outreach.Escalations);
        Assert.Equal(raised, (await queue.ListEscalationsAsync())[0]);
    }
}

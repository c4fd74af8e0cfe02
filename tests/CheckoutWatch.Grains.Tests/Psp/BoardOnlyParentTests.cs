using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.Psp;

/// <summary>
/// Seen live once: a board-only (minor, customer declines) merchant-wide alert took a paging PSP
/// alert as its child and so silenced the page for a technical outage. Through the real merchant,
/// PSP and feed grains: a board-only parent never adopts a paging alert, and each incident pages
/// exactly once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardOnlyParentTests(ClusterFixture cluster, Xunit.Abstractions.ITestOutputHelper output)
{
    // Customer-side declines of several classes, so no one decline class explains a surge.
    private static readonly string[] _customerCodes = ["51", "05", "N7", "54", "14"];
    private int _n;

    [Fact]
    public async Task Technical_outage_on_a_psp_beside_a_decline_surge_elsewhere_pages_once_and_no_minor_alert_adopts_the_page()
    {
        var (failing, second, third) = (Psp(), Psp(), Psp());
        var merchant = TestEvents.Merchant();
        var random = new Random(31);
        string[] psps = [failing, second, third, second, third];
        await TrafficAsync([merchant], psps, random, seconds: 120, perSecond: 50, (_, _) => (0.05, false));

        // The PSP fails technically: its slice alert opens and would page after the grace ...
        await TrafficAsync([merchant], psps, random, seconds: 2, perSecond: 50,
            (_, psp) => psp == failing ? (0.4, true) : (0.05, false));
        // ... when customers on the other PSPs start being declined: the merchant's raw rate trips
        // as a board-only merchant-wide alert, which must not take the paging slice as its child.
        await TrafficAsync([merchant], psps, random, seconds: 40, perSecond: 50,
            (_, psp) => psp == failing ? (0.4, true) : (0.3, false));

        var alerts = await AlertsAsync(m => m == merchant);
        foreach (var a in alerts) output.WriteLine($"{a.Id} {a.Severity} pages={a.Pages} parent={a.ParentId} {a.Status} {a.Title} det={a.DetectedAt:HH:mm:ss}");
        Assert.Contains(alerts, a => a.Dimension.Value == failing && a.Pages && a.ParentId is null);
        Assert.Single(alerts, a => a.Pages);
        AssertNoMinorParentOfAPagingAlert(alerts);
    }

    [Fact]
    public async Task Psp_wide_outage_under_an_open_board_only_merchant_alert_pages_once_from_the_psp_wide_alert()
    {
        var (outage, other) = (Psp(), Psp());
        var merchants = Enumerable.Range(0, 4).Select(_ => TestEvents.Merchant()).ToArray();
        var declining = merchants[0];
        var random = new Random(41);

        await TrafficAsync(merchants, [outage, other], random, seconds: 120, perSecond: 10, (_, _) => (0.05, false));
        // Customers of one merchant get declined on every PSP: a board-only merchant-wide alert.
        await TrafficAsync(merchants, [outage, other], random, seconds: 40, perSecond: 10,
            (m, _) => (m == declining ? 0.35 : 0.05, false));
        var boardOnly = Assert.Single(await AlertsAsync(m => m == declining), a => a.Status == AlertStatus.Open);
        Assert.Equal("minor", boardOnly.Severity);
        Assert.False(boardOnly.Pages);

        // Then the PSP fails technically for every merchant while those declines go on.
        await TrafficAsync(merchants, [outage, other], random, seconds: 40, perSecond: 10,
            (m, psp) => psp == outage ? (0.5, true) : (m == declining ? 0.35 : 0.05, false));

        var alerts = await AlertsAsync(m => merchants.Contains(m) || m == "*");
        var platform = Assert.Single(alerts, a => a.MerchantId == "*" && a.Dimension.Value == outage);
        var paging = Assert.Single(alerts.Where(a => a.MerchantId != "*" || a.Dimension.Value == outage), a => a.Pages);
        Assert.Equal(platform.Id, paging.Id);
        AssertNoMinorParentOfAPagingAlert(alerts);
        Assert.DoesNotContain(alerts, a => a.ParentId == boardOnly.Id && a.Severity != "minor");
    }

    /// <summary>An alert that would page (major/critical) never sits under a board-only one.</summary>
    private static void AssertNoMinorParentOfAPagingAlert(IReadOnlyList<AlertView> alerts)
    {
        var byId = alerts.ToDictionary(a => a.Id);
        foreach (var child in alerts.Where(a => a.Severity != "minor" && a.ParentId is not null))
        {
            if (!byId.TryGetValue(child.ParentId!, out var parent)) continue;
            Assert.True(parent.Severity != "minor", $"{child.Title} ({child.Severity}) is folded under the board-only {parent.Title}");
        }
    }

    private async Task<List<AlertView>> AlertsAsync(Func<string, bool> merchant) =>
        [.. (await cluster.Grains.GetGrain<IAlertFeedGrain>(0).ListAsync(new AlertQuery(Kind: "payment_failure_spike"))).Where(a => merchant(a.MerchantId))];

    // PSP names of their own: other tests' merchants must not feed these PSP grains.
    private static string Psp() => $"psp{Guid.NewGuid():N}"[..12];

    /// <summary>Each second, <paramref name="perSecond"/> payments per merchant spread over the PSPs; failure rate and kind per merchant and PSP.</summary>
    private async Task TrafficAsync(string[] merchants, string[] psps, Random random, int seconds, int perSecond,
        Func<string, string, (double Rate, bool Technical)> failures)
    {
        for (var s = 0; s < seconds; s++)
        {
            var now = cluster.Clock.GetUtcNow();
            foreach (var m in merchants)
            {
                var events = new List<CheckoutEvent>();
                for (var i = 0; i < perSecond; i++)
                {
                    var psp = psps[i % psps.Length];
                    var (rate, technical) = failures(m, psp);
                    var failed = random.NextDouble() < rate;
                    events.Add(new CheckoutEvent($"bp{++_n}", m, $"bps{_n}", failed ? CheckoutEventType.PaymentFailed : CheckoutEventType.PaymentSucceeded, now)
                    {
                        AmountMinor = 5000,
                        Currency = "EUR",
                        Psp = psp,
                        PaymentMethod = "card",
                        CardNetwork = "visa",
                        DeclineCode = failed ? (technical ? "96" : _customerCodes[random.Next(_customerCodes.Length)]) : null,
                        FailureKind = failed ? (technical ? FailureKind.Error : FailureKind.Declined) : FailureKind.None,
                    });
                }

                await cluster.Grains.GetGrain<IMerchantGrain>(m).RecordAsync(new MerchantBatch(m, [.. events], 0));
            }

            await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
    }
}

using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Cli;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Merchants;
using CheckoutWatch.Grains.Tests.Infrastructure;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Ingest;
using Xunit.Abstractions;

namespace CheckoutWatch.Grains.Tests.Backtest;

/// <summary>
/// The backtest is only worth tuning on if it raises what the live system raises. One seeded log
/// (four merchants; a PSP-wide outage, one merchant's PSP outage, a traffic drop and stuck
/// payments) goes through the live path — the HTTP path's <see cref="IngestPipeline"/> into real
/// session, merchant, PSP and feed grains on a cluster of its own whose fake clock runs in event
/// time — and through <see cref="BacktestRunner"/>; both must raise the same alerts.
/// </summary>
public sealed class BacktestMatchesLiveTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Minutes = 20;
    private static readonly TimeSpan _openTolerance = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan _resolveTolerance = TimeSpan.FromSeconds(5);

    private readonly SyntheticLog _log = new(seed: 7, merchants: 4, minutes: Minutes, rate: 8, incident: "all");
    private List<CheckoutEvent> _events = null!;
    private ClusterFixture _cluster = null!;

    public async Task InitializeAsync()
    {
        _events = _log.Generate();
        _cluster = ClusterFixture.StartingAt(Floor(_events[0].OccurredAt));
        await _cluster.InitializeAsync();
    }

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Backtest_raises_the_same_alerts_as_the_live_grains_alert_for_alert()
    {
        var end = _events[^1].OccurredAt;
        var backtest = new BacktestRunner(DetectionOptions.Default, KnowledgeBase.LoadDefault(), SessionTimeouts.Default).Run(_events);
        var expected = AlertEpisode.From(backtest.Changes).Where(e => e.OpenedAt <= end).ToList();

        await RunLiveAsync(tail: TimeSpan.FromMinutes(5));
        // After the log ends the live system sees its silence as a traffic drop and its cut-off
        // payments as stuck; the backtest knows the log ended. Compare what opened before the end.
        var actual = AlertEpisode.From(_cluster.Board.Alerts).Where(e => e.OpenedAt <= end).ToList();

        output.WriteLine("backtest:\n  " + string.Join("\n  ", expected));
        output.WriteLine("live:\n  " + string.Join("\n  ", actual));
        Assert.Contains(expected, e => e.MerchantId == PspMonitor.PlatformMerchantId);
        Assert.Contains(expected, e => e.Kind == "traffic_drop");
        Assert.Contains(expected, e => e.Kind == "stuck_sessions");
        Assert.Contains(expected, e => e.Kind == "payment_failure_spike" && e.MerchantId != PspMonitor.PlatformMerchantId);

        Assert.Equal(expected.Select(e => e.Stream).Order(), actual.Select(e => e.Stream).Order());
        foreach (var e in expected)
        {
            var match = actual.Where(a => a.Stream == e.Stream).MinBy(a => (a.OpenedAt - e.OpenedAt).Duration())!;
            Assert.True((match.OpenedAt - e.OpenedAt).Duration() <= _openTolerance, $"opened at different times: backtest {e}, live {match}");
            Assert.Equal(e.HighestSeverity, match.HighestSeverity);
            Assert.Equal(e.ResolvedAt is null, match.ResolvedAt is null);
            if (e.ResolvedAt is { } resolved)
            {
                Assert.True((match.ResolvedAt!.Value - resolved).Duration() <= _resolveTolerance, $"resolved at different times: backtest {e}, live {match}");
            }
        }
    }

    /// <summary>
    /// Each second's events go in through the ingest pipeline and the buffer is flushed; then the
    /// clock moves one second, every grain timer ticks, and the test waits for the merchant and PSP
    /// grains to finish their ticks (a call queues behind a running tick) before the next second.
    /// </summary>
    private async Task RunLiveAsync(TimeSpan tail)
    {
        // The embedded default: through the node's buffer, as the demo and a single node run.
        var pipeline = new IngestPipeline(
            _cluster.Grains, Microsoft.Extensions.Options.Options.Create(new SessionTimeoutOptions()), EventDedupSettings.Off, _cluster.Clock);
        var buffer = _cluster.Grains.GetGrain<IIngestBufferGrain>(0);
        var merchants = _events.Select(e => e.MerchantId).Distinct().Select(m => _cluster.Grains.GetGrain<IMerchantGrain>(m)).ToArray();
        var psps = _events.Where(e => e.Psp is not null).Select(e => e.Psp!).Distinct()
            .Select(p => _cluster.Grains.GetGrain<IPspGrain>(p)).ToArray();
        var stop = Floor(_events[^1].OccurredAt) + TimeSpan.FromSeconds(1) + tail;
        var next = 0;
        while (_cluster.Clock.GetUtcNow() < stop)
        {
            var secondEnd = _cluster.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            var from = next;
            while (next < _events.Count && _events[next].OccurredAt < secondEnd) next++;
            if (next > from)
            {
                await pipeline.ApplyAsync(_events.GetRange(from, next - from));
                await buffer.FlushAsync();
            }

            await _cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAll(merchants.Select(m => m.GetHealthAsync()));
            await Task.WhenAll(psps.Select(p => p.ReportAsync(new PspReport("barrier", 0, 0, 0))));
        }
    }

    private static DateTimeOffset Floor(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}

using System.Collections.Concurrent;
using System.Text;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Steady load through both doors: every 100 ms one HTTP batch (to the nodes in turn, and to the
/// next node when one does not answer, as a load balancer would — the same events, so a retry
/// is a duplicate) and one stream entry. Every event is a new checkout for one of the current
/// merchants; the driver remembers how many distinct events it sent per merchant.
/// </summary>
public sealed class LoadDriver : IAsyncDisposable
{
    private const int HttpBatch = 20;
    private const int StreamBatch = 10;

    private readonly ClusterFixture _cluster;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Task _run;
    private volatile string[] _merchants;
    private int _sequence;

    public LoadDriver(ClusterFixture cluster, string[] merchants)
    {
        _cluster = cluster;
        _merchants = merchants;
        _run = Task.Run(RunAsync);
    }

    /// <summary>Later events go to these merchants.</summary>
    public void SwitchTo(string[] merchants) => _merchants = merchants;

    public IReadOnlyDictionary<string, int> Sent => _sent;

    /// <summary>Batches that could not be delivered anywhere (should stay empty).</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public int StreamEntries { get; private set; }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var turn = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await Task.WhenAll(SendHttpAsync(turn++), SendStreamAsync());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string[] NextBatch(int size, out string merchant)
    {
        var merchants = _merchants;
        var n = Interlocked.Increment(ref _sequence);
        merchant = merchants[n % merchants.Length];
        var m = merchant;
        return [.. Enumerable.Range(0, size).Select(i => TestEvents.Started(m, $"load-{n}-{i}", $"{m}-{n}-{i}"))];
    }

    private async Task SendHttpAsync(int turn)
    {
        var events = NextBatch(HttpBatch, out var merchant);
        var body = TestEvents.Array(events);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var node = _cluster.Nodes[(turn + attempt) % _cluster.Nodes.Count];
            try
            {
                using var client = _cluster.Client(node);
                client.Timeout = TimeSpan.FromSeconds(5);
                using var response = await client.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    _sent.AddOrUpdate(merchant, HttpBatch, (_, n) => n + HttpBatch);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        _errors.Enqueue($"HTTP batch for {merchant} not delivered");
    }

    private async Task SendStreamAsync()
    {
        var events = NextBatch(StreamBatch, out var merchant);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await _cluster.AddToStreamAsync(TestEvents.Array(events));
                _sent.AddOrUpdate(merchant, StreamBatch, (_, n) => n + StreamBatch);
                StreamEntries++;
                return;
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        _errors.Enqueue($"Stream entry for {merchant} not added");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}

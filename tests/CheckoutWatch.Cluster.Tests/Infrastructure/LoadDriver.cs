using System.Collections.Concurrent;
using System.Text;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// Steady load through both doors: every 100 ms one HTTP batch (to the nodes in turn) and one
/// stream entry. A batch or entry that was not taken is sent again on the next tick, an HTTP batch
/// to the next node as a load balancer would (the same events, so a retry is a duplicate). Every
/// event is a new checkout for one of the current merchants; the driver remembers how many
/// distinct events it sent per merchant.
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
    private readonly ConcurrentQueue<Pending> _retries = new();
    private int _sequence;
    private int _delivered;
    private int _refused;
    private TaskCompletionSource _changed = NewSignal();

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

    /// <summary>Completes once <paramref name="more"/> further batches or entries have been taken by the cluster.</summary>
    public Task DeliveredAsync(int more, TimeSpan limit) => CountedAsync(() => Volatile.Read(ref _delivered), more, limit);

    /// <summary>Completes once <paramref name="more"/> further attempts have been refused or gone unanswered (kept for a retry).</summary>
    public Task RefusedAsync(int more, TimeSpan limit) => CountedAsync(() => Volatile.Read(ref _refused), more, limit);

    private async Task CountedAsync(Func<int> count, int more, TimeSpan limit)
    {
        var target = count() + more;
        using var timeout = new CancellationTokenSource(limit);
        while (count() < target)
        {
            await Volatile.Read(ref _changed).Task.WaitAsync(timeout.Token);
        }
    }

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
                turn++;
                var sends = new List<Task>();
                var retrying = _retries.Count;
                for (var i = 0; i < retrying && _retries.TryDequeue(out var retry); i++)
                {
                    sends.Add(SendAsync(retry));
                }

                sends.Add(SendAsync(NewHttp(turn)));
                sends.Add(SendAsync(NewStream(turn)));
                await Task.WhenAll(sends);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Pending NewHttp(int turn)
    {
        var events = NextBatch(HttpBatch, out var merchant);
        return new Pending(Http: true, TestEvents.Array(events), merchant, HttpBatch, turn, Attempt: 0, MaxAttempts: 40);
    }

    private Pending NewStream(int turn)
    {
        var events = NextBatch(StreamBatch, out var merchant);
        return new Pending(Http: false, TestEvents.Array(events), merchant, StreamBatch, turn, Attempt: 0, MaxAttempts: 100);
    }

    private string[] NextBatch(int size, out string merchant)
    {
        var merchants = _merchants;
        var n = Interlocked.Increment(ref _sequence);
        merchant = merchants[n % merchants.Length];
        var m = merchant;
        return [.. Enumerable.Range(0, size).Select(i => TestEvents.Started(m, $"load-{n}-{i}", $"{m}-{n}-{i}"))];
    }

    private async Task SendAsync(Pending batch)
    {
        if (await (batch.Http ? TryHttpAsync(batch) : TryStreamAsync(batch)))
        {
            _sent.AddOrUpdate(batch.Merchant, batch.Events, (_, n) => n + batch.Events);
            Interlocked.Increment(ref _delivered);
            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
        }
        else if (batch.Attempt + 1 < batch.MaxAttempts)
        {
            Interlocked.Increment(ref _refused);
            Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
            // Not taken: again on the next tick (an HTTP batch then goes to the next node).
            _retries.Enqueue(batch with { Attempt = batch.Attempt + 1 });
        }
        else
        {
            _errors.Enqueue($"{(batch.Http ? "HTTP batch" : "Stream entry")} for {batch.Merchant} not delivered");
        }
    }

    private async Task<bool> TryHttpAsync(Pending batch)
    {
        var node = _cluster.Nodes[(batch.Turn + batch.Attempt) % _cluster.Nodes.Count];
        try
        {
            using var client = _cluster.Client(node);
            client.Timeout = TimeSpan.FromSeconds(5);
            using var response = await client.PostAsync("/api/v1/events", new StringContent(batch.Body, Encoding.UTF8, "application/json"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> TryStreamAsync(Pending batch)
    {
        try
        {
            await _cluster.AddToStreamAsync(batch.Body);
            StreamEntries++;
            return true;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Pending(bool Http, string Body, string Merchant, int Events, int Turn, int Attempt, int MaxAttempts);

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}

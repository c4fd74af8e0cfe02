namespace CheckoutWatch.LoadTests.Node;

/// <summary>Reads the node's VmRSS every <c>interval</c> in the background and keeps the highest value and the series.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly NodeProcess _node;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    public MemorySampler(NodeProcess node, TimeSpan interval)
    {
        _node = node;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                if (_node.RssBytes() is { } rss)
                {
                    lock (Samples)
                    {
                        Samples.Add((System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds, rss));
                    }

                    Max = Math.Max(Max ?? 0, rss);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public long? Max { get; private set; }

    /// <summary>(seconds since start, bytes).</summary>
    public List<(double At, long Bytes)> Samples { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}

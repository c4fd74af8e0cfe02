using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>
/// Generates and serializes batches on a background task a few batches ahead of the senders, so
/// serialization is not on the measured path, and recycles their buffers. The look-ahead is small
/// (<c>prefetch</c> batches), so event times stay close to the send time.
/// </summary>
public sealed class BatchSource : IAsyncDisposable
{
    private readonly CheckoutEventGenerator _generator;
    private readonly BatchWriter _writer;
    private readonly GeneratedEvent[] _events;
    private readonly Channel<PooledBatch> _ready;
    private readonly ConcurrentQueue<PooledBatch> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;

    public BatchSource(CheckoutEventGenerator generator, BatchWriter writer, int batchSize, int prefetch = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _generator = generator;
        _writer = writer;
        _events = new GeneratedEvent[batchSize];
        _ready = Channel.CreateBounded<PooledBatch>(new BoundedChannelOptions(prefetch) { SingleWriter = true });
        _producer = Task.Run(ProduceAsync);
    }

    public int BatchSize => _events.Length;

    public string ContentType => _writer.ContentType;

    /// <summary>Generates one batch on the calling thread, outside the pipeline (e.g. the fixed body for wrk).</summary>
    public static byte[] CreateOne(CheckoutEventGenerator generator, BatchWriter writer, int batchSize)
    {
        var events = new GeneratedEvent[batchSize];
        generator.Fill(events, DateTime.UtcNow);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        writer.Write(buffer, events);
        return buffer.WrittenSpan.ToArray();
    }

    public ValueTask<PooledBatch> TakeAsync(CancellationToken cancellationToken) => _ready.Reader.ReadAsync(cancellationToken);

    public void Return(PooledBatch batch)
    {
        batch.Reset();
        _free.Enqueue(batch);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _producer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the producer was waiting for room in the channel.
        }

        _stop.Dispose();
    }

    private async Task ProduceAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!_free.TryDequeue(out var batch))
                {
                    batch = new PooledBatch();
                }

                _generator.Fill(_events, DateTime.UtcNow);
                _writer.Write(batch.Buffer, _events);
                batch.Filled(_events.Length);
                await _ready.Writer.WriteAsync(batch, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Senders waiting for a batch fail with this error instead of waiting forever.
            _ready.Writer.TryComplete(ex);
        }
    }
}

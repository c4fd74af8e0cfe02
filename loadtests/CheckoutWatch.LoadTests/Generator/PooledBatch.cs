using System.Buffers;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>A serialized batch in a reusable buffer; returned to its <see cref="BatchSource"/> after the request.</summary>
public sealed class PooledBatch
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);

    public int Events { get; private set; }

    /// <summary>A batch with a fixed body that is sent again and again (never returned to a source).</summary>
    public static PooledBatch Fixed(ReadOnlySpan<byte> body, int events)
    {
        var batch = new PooledBatch();
        batch._buffer.Write(body);
        batch.Events = events;
        return batch;
    }

    public ReadOnlyMemory<byte> Body => _buffer.WrittenMemory;

    internal ArrayBufferWriter<byte> Buffer => _buffer;

    internal void Filled(int events) => Events = events;

    internal void Reset()
    {
        _buffer.ResetWrittenCount();
        Events = 0;
    }
}

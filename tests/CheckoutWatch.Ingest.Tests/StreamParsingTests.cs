using System.Text;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class StreamParsingTests
{
    [Fact]
    public async Task Body_read_from_a_stream_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 1_000).Select(i => Failed($"e-{i}").ToJsonString())));
        await using var stream = new NonSeekableStream(bytes);

        var result = await new EventBatchParser().ParseAsync(stream, IngestFormat.Ndjson, Now);

        Assert.Equal(1_000, result.Events.Count);
    }

    [Fact]
    public async Task Body_longer_than_the_byte_limit_is_a_whole_batch_failure()
    {
        var limits = new IngestLimits { MaxBodyBytes = 1_000 };
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 10).Select(i => Started($"e-{i}").ToJsonString())) + "]");
        await using var stream = new NonSeekableStream(bytes);

        var result = await new EventBatchParser(limits).ParseAsync(stream, IngestFormat.Json, Now);

        Assert.True(result.IsBatchFailure);
        Assert.Equal(BatchFailureKind.BodyTooLarge, result.Failure.Kind);
    }

    [Fact]
    public async Task Body_exactly_at_the_byte_limit_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes("[" + Started().ToJsonString() + "]");
        var limits = new IngestLimits { MaxBodyBytes = bytes.Length };
        await using var stream = new MemoryStream(bytes);

        var result = await new EventBatchParser(limits).ParseAsync(stream, IngestFormat.Json, Now);

        Assert.Single(result.Events);
    }

    /// <summary>Hands out a few bytes per read, like a network stream.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 777), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Buffers;
using System.Text.Json;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Parses and validates the body of <c>POST /api/v1/events</c> in one forward pass over the UTF-8
/// bytes (<see cref="Utf8JsonReader"/>; no DOM, no reflection), allocating little beyond the
/// events themselves. Stateless and thread-safe: one instance can serve every request.
/// </summary>
/// <remarks>
/// <para><b>Whole-batch failures</b> (<see cref="BatchParseResult.IsBatchFailure"/>):
/// an empty body; for <see cref="IngestFormat.Json"/> a body that does not start with <c>[</c>
/// (after white space and an optional UTF-8 byte-order mark), or whose JSON syntax breaks anywhere,
/// even after valid items, or that has content after the closing <c>]</c> — a broken array cannot
/// be resynchronised, so nothing in it is accepted (400); for <see cref="IngestFormat.Ndjson"/> a
/// body in which no line at all is a JSON value (400); more than
/// <see cref="IngestLimits.MaxBatchEvents"/> items (413); through <see cref="ParseAsync"/> more
/// than <see cref="IngestLimits.MaxBodyBytes"/> bytes (413).</para>
/// <para><b>Item rejections</b>: an item that is not an object; an NDJSON line that is not exactly
/// one JSON value (<c>invalid_json</c>, the other lines still count); every rule of the contract
/// (see <see cref="ValidationCodes"/>). NDJSON lines are split on <c>\n</c>; <c>\r\n</c> and
/// blank lines are accepted, and blank lines take no index.</para>
/// <para><b>Documented leniencies</b>: unknown properties are ignored (but still checked for
/// duplicates and nesting depth); <c>null</c> is the same as an absent property; empty customer
/// fields are the same as absent ones, and a customer object with no field becomes no customer.
/// Nesting beyond 64 levels is a JSON syntax error (the reader's limit).</para>
/// </remarks>
public sealed class EventBatchParser
{
    private const int MaxJsonDepth = 64;
    private const int InitialReadBufferBytes = 64 * 1024;

    // A typical event is 250–400 bytes; the estimate only sizes the result lists.
    private const int EstimatedEventBytes = 256;

    private static readonly JsonReaderOptions _readerOptions = new() { MaxDepth = MaxJsonDepth };

    private readonly IngestLimits _limits;

    public EventBatchParser()
        : this(IngestLimits.Default)
    {
    }

    public EventBatchParser(IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxBatchEvents);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxBodyBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(limits.MaxBodyBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxEventAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxClockSkew, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxPropertiesPerEvent);
        _limits = limits;
    }

    public IngestLimits Limits => _limits;

    /// <summary>Parses a whole body held in memory. <paramref name="now"/> is the server's clock (TimeProvider.GetUtcNow()).</summary>
    public BatchParseResult Parse(ReadOnlyMemory<byte> body, IngestFormat format, DateTimeOffset now) =>
        Parse(body.Span, format, now);

    /// <summary>Parses a whole body held in memory. <paramref name="now"/> is the server's clock (TimeProvider.GetUtcNow()).</summary>
    public BatchParseResult Parse(ReadOnlySpan<byte> body, IngestFormat format, DateTimeOffset now)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return BatchParseResult.Fail(
                BatchFailureKind.Malformed, "The request body is empty: send a JSON array of events or NDJSON lines.");
        }

        return format switch
        {
            IngestFormat.Json => ParseArray(body[start..], now),
            IngestFormat.Ndjson => ParseLines(body, now),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown ingest format."),
        };
    }

    /// <summary>
    /// Reads <paramref name="body"/> to its end into a pooled buffer, then parses it. A body longer
    /// than <see cref="IngestLimits.MaxBodyBytes"/> stops the read and fails the batch.
    /// </summary>
    public async ValueTask<BatchParseResult> ParseAsync(
        Stream body, IngestFormat format, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);

        var max = _limits.MaxBodyBytes;
        var initial = body.CanSeek ? (int)Math.Clamp(body.Length - body.Position + 1, 1, (long)max + 1) : InitialReadBufferBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initial, max + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > max)
                {
                    return BatchParseResult.Fail(
                        BatchFailureKind.BodyTooLarge,
                        $"The request body is larger than {max} bytes: split it into smaller batches.");
                }
            }

            return Parse(buffer.AsSpan(0, length), format, now);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private BatchParseResult ParseArray(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (body[0] != '[')
        {
            return BatchParseResult.Fail(BatchFailureKind.Malformed, body[0] == '{'
                ? "A JSON body must be an array of events, not a single object: wrap it in [ ] or send NDJSON (application/x-ndjson)."
                : "The body is not a JSON array of events: it must start with '['.");
        }

        var results = new BatchResultBuilder(EstimateCount(body.Length));
        var eventReader = EventReader.ForBatch(_limits, now);
        var reader = new Utf8JsonReader(body, _readerOptions);
        try
        {
            reader.Read();
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index == _limits.MaxBatchEvents)
                {
                    return TooManyEvents();
                }

                results.Add(eventReader.Read(ref reader, index++));
            }

            // Anything but white space after ']' makes the reader throw here.
            reader.Read();
        }
        catch (JsonException exception)
        {
            return BatchParseResult.Fail(
                BatchFailureKind.Malformed,
                $"The body is not valid JSON, so no event in it was accepted: {JsonErrorText.Describe(exception)}");
        }

        return results.Build();
    }

    private BatchParseResult ParseLines(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var results = new BatchResultBuilder(EstimateCount(body.Length));
        var eventReader = EventReader.ForBatch(_limits, now);
        var index = 0;
        var lineNumber = 0;
        var jsonLines = 0;
        var rest = body;
        while (!rest.IsEmpty)
        {
            var newLine = rest.IndexOf((byte)'\n');
            var line = newLine < 0 ? rest : rest[..newLine];
            rest = newLine < 0 ? [] : rest[(newLine + 1)..];
            lineNumber++;
            if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            if (index == _limits.MaxBatchEvents)
            {
                return TooManyEvents();
            }

            var reader = new Utf8JsonReader(line, _readerOptions);
            ParsedItem item;
            try
            {
                reader.Read();
                item = eventReader.Read(ref reader, index);

                // A second value on the line, or anything else after the first, throws here.
                reader.Read();
                jsonLines++;
            }
            catch (JsonException exception)
            {
                item = EventReader.MalformedLine(index, lineNumber, exception);
            }

            results.Add(item);
            index++;
        }

        if (jsonLines == 0)
        {
            return BatchParseResult.Fail(
                BatchFailureKind.Malformed,
                index == 0
                    ? "The request body is empty: send one JSON event object per line."
                    : "The body is not NDJSON: no line in it is a JSON value.");
        }

        return results.Build();
    }

    private BatchParseResult TooManyEvents() => BatchParseResult.Fail(
        BatchFailureKind.TooManyEvents,
        $"The batch has more than {_limits.MaxBatchEvents} events: split it into batches of at most {_limits.MaxBatchEvents}.");

    private int EstimateCount(int bodyLength) => Math.Min(_limits.MaxBatchEvents, (bodyLength / EstimatedEventBytes) + 1);
}

using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CheckoutWatch.LoadTests.Baseline;

/// <summary>
/// The bare endpoint the node is compared with: it reads the whole body, parses every event with
/// <see cref="JsonDocument"/> (a JSON array, or one document per NDJSON line), and answers
/// <c>202 {"accepted":n,"duplicates":0,"rejected":[]}</c>. No key check, no validation, no state:
/// the cost of HTTP plus JSON parsing and nothing else.
/// </summary>
public static class BaselineEndpoint
{
    public const string Path = "/api/v1/events";

    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.Equals(Path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var ndjson = request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true;
        var body = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            // Examined everything, consumed nothing: the pipe keeps buffering until the body ends.
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        int events;
        try
        {
            events = ndjson ? CountNdjson(read.Buffer) : CountArray(read.Buffer);
        }
        catch (JsonException)
        {
            events = -1;
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }

        if (events < 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteAcceptedAsync(context.Response, events).ConfigureAwait(false);
    }

    private static int CountArray(ReadOnlySequence<byte> body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.ValueKind == JsonValueKind.Array ? CountEvents(doc.RootElement) : -1;
    }

    private static int CountNdjson(ReadOnlySequence<byte> body)
    {
        var reader = new SequenceReader<byte>(body);
        var events = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                line = reader.UnreadSequence;
                reader.AdvanceToEnd();
            }

            if (IsBlank(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return -1;
            }

            events++;
        }

        return events;
    }

    private static int CountEvents(JsonElement array)
    {
        var events = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return -1;
            }

            events++;
        }

        return events;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static Task WriteAcceptedAsync(HttpResponse response, int events)
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.ContentType = "application/json";
        Span<byte> buffer = stackalloc byte[64];
        "{\"accepted\":"u8.CopyTo(buffer);
        var written = 12;
        Utf8Formatter.TryFormat(events, buffer[written..], out var n);
        written += n;
        ",\"duplicates\":0,\"rejected\":[]}"u8.CopyTo(buffer[written..]);
        written += 30;
        response.ContentLength = written;
        response.BodyWriter.Write(buffer[..written]);
        return response.BodyWriter.FlushAsync().AsTask();
    }
}

using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// Batches of <c>checkout_started</c> events only, each for a new session: every accepted event
/// adds one in-flight session that stays in flight (nothing closes it before the idle timeout).
/// Sessions are spread round-robin over <c>merchants</c> merchants.
/// </summary>
public sealed class StartedOnlySender(HttpClient client, Uri eventsUri, string apiKey, string runTag, int batchSize, int merchants) : IRequestSender
{
    private static readonly MediaTypeHeaderValue _json = MediaTypeHeaderValue.Parse("application/json");
    private long _next;

    public int EventsPerRequest => batchSize;

    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var first = Interlocked.Add(ref _next, batchSize) - batchSize;
        var body = new ArrayBufferWriter<byte>(batchSize * 200);
        using (var w = new Utf8JsonWriter(body))
        {
            var now = DateTime.UtcNow;
            w.WriteStartArray();
            for (var s = first; s < first + batchSize; s++)
            {
                var session = string.Create(CultureInfo.InvariantCulture, $"{runTag}-{s:x}");
                w.WriteStartObject();
                w.WriteString("eventId", session + "-1");
                w.WriteString("merchantId", string.Create(CultureInfo.InvariantCulture, $"lt-sessions-{s % merchants:D5}"));
                w.WriteString("sessionId", session);
                w.WriteString("type", "checkout_started");
                w.WriteString("occurredAt", now);
                w.WriteString("country", "DE");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = _json;
        using var request = new HttpRequestMessage(HttpMethod.Post, eventsUri) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return RequestOutcome.Failure($"HTTP {(int)response.StatusCode}", IngestAnswerReader.Truncate(System.Text.Encoding.UTF8.GetString(answer)));
        }

        return IngestAnswerReader.TryRead(answer) is { Rejected: 0 } parsed
            ? RequestOutcome.Success(parsed.Accepted, parsed.Duplicates)
            : RequestOutcome.Failure("events rejected or unreadable answer", IngestAnswerReader.Truncate(System.Text.Encoding.UTF8.GetString(answer)));
    }
}

using System.Net;
using System.Net.Http.Headers;
using CheckoutWatch.LoadTests.Generator;
using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Http;

/// <summary>
/// POSTs generated batches to <c>/api/v1/events</c> with the <c>X-Api-Key</c> header and checks
/// the answer: a request is OK only on <c>202</c> with every event accepted (or a duplicate).
/// </summary>
public sealed class BatchPoster(HttpClient client, Uri eventsUri, string apiKey, Func<CancellationToken, ValueTask<PooledBatch>> take, Action<PooledBatch> giveBack, string contentType, int eventsPerRequest)
    : IRequestSender
{
    private readonly MediaTypeHeaderValue _contentType = MediaTypeHeaderValue.Parse(contentType);

    public int EventsPerRequest => eventsPerRequest;

    public static BatchPoster FromSource(HttpClient client, Uri eventsUri, string apiKey, BatchSource source) =>
        new(client, eventsUri, apiKey, source.TakeAsync, source.Return, source.ContentType, source.BatchSize);

    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var batch = await take(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostAsync(batch.Body, batch.Events, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            giveBack(batch);
        }
    }

    private async Task<RequestOutcome> PostAsync(ReadOnlyMemory<byte> body, int events, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = _contentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, eventsUri) { Content = content };
        if (apiKey.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            var detail = IngestAnswerReader.Truncate(System.Text.Encoding.UTF8.GetString(answer));
            return RequestOutcome.Failure($"HTTP {(int)response.StatusCode}", detail);
        }

        if (IngestAnswerReader.TryRead(answer) is not { } parsed)
        {
            return RequestOutcome.Failure("202 without a readable answer", IngestAnswerReader.Truncate(System.Text.Encoding.UTF8.GetString(answer)));
        }

        if (parsed.Rejected > 0)
        {
            return RequestOutcome.Failure("events rejected", parsed.FirstRejection, parsed.Rejected);
        }

        if (parsed.Accepted + parsed.Duplicates != events)
        {
            return RequestOutcome.Failure("answer does not add up", $"sent {events}, accepted {parsed.Accepted}, duplicates {parsed.Duplicates}");
        }

        return RequestOutcome.Success(parsed.Accepted, parsed.Duplicates);
    }
}

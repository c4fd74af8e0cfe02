using CheckoutWatch.LoadTests.Generator;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>An ingest endpoint with its own HttpClient and batch pipeline: what a run posts to.</summary>
public sealed class EventsTarget : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly BatchSource _source;

    public EventsTarget(Uri eventsUri, string apiKey, HttpClient client, BatchSource source)
    {
        EventsUri = eventsUri;
        _client = client;
        _source = source;
        Sender = BatchPoster.FromSource(client, eventsUri, apiKey, source);
    }

    public Uri EventsUri { get; }

    public IRequestSender Sender { get; }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// Injects one payment failure incident on one (fresh) merchant over HTTP: a healthy phase
/// (all payments succeed) so the detector has a baseline, then a spike in which half the
/// payments fail with <c>failureKind: "error"</c>, <c>declineCode: "96"</c>. Every
/// <see cref="BatchInterval"/> one small batch of complete sessions goes out (started,
/// submitted, succeeded | failed), so a merchant sees <see cref="AttemptsPerSecond"/> attempts/s.
/// Spike batches are posted one after another and the wall-clock time of each 202 is kept.
/// </summary>
public sealed class IncidentDriver(HttpClient client, Uri eventsUri, string apiKey, string runTag)
{
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);
    public const int SessionsPerBatch = 2;
    public const double AttemptsPerSecond = SessionsPerBatch * 10;

    private static readonly MediaTypeHeaderValue _json = MediaTypeHeaderValue.Parse("application/json");
    private long _session;

    /// <summary>Healthy traffic for <paramref name="duration"/>; returns the number of batches that failed.</summary>
    public async Task<int> HealthyAsync(string merchant, TimeSpan duration, CancellationToken cancellationToken)
    {
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(BatchInterval);
        while (Stopwatch.GetElapsedTime(started) < duration && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await PostAsync(merchant, failShare: 0, cancellationToken).ConfigureAwait(false) is null)
            {
                failed++;
            }
        }

        return failed;
    }

    /// <summary>
    /// Spike batches until <paramref name="alerted"/> completes or <paramref name="timeout"/>
    /// passes; returns the 202 time of each spike batch in order (null for a batch that failed),
    /// plus the time each batch was sent.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset Sent, DateTimeOffset? Accepted)>> SpikeAsync(string merchant, Task alerted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var batches = new List<(DateTimeOffset, DateTimeOffset?)>();
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(BatchInterval);
        var tick = 0;
        while (!alerted.IsCompleted && Stopwatch.GetElapsedTime(started) < timeout && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (alerted.IsCompleted)
            {
                break;
            }

            var sent = DateTimeOffset.UtcNow;
            // Exactly half of the attempts fail: alternate which session of the pair fails.
            var accepted = await PostAsync(merchant, failShare: 0.5, cancellationToken, tick++).ConfigureAwait(false);
            batches.Add((sent, accepted));
        }

        return batches;
    }

    private async Task<DateTimeOffset?> PostAsync(string merchant, double failShare, CancellationToken cancellationToken, int tick = 0)
    {
        var body = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(body))
        {
            w.WriteStartArray();
            var now = DateTime.UtcNow;
            for (var i = 0; i < SessionsPerBatch; i++)
            {
                var session = $"{runTag}-{merchant}-{Interlocked.Increment(ref _session):x}";
                var fails = failShare > 0 && (i + tick) % 2 == 0;
                Event(w, session, 1, merchant, "checkout_started", now, payment: false);
                Event(w, session, 2, merchant, "payment_submitted", now, payment: true);
                Event(w, session, 3, merchant, fails ? "payment_failed" : "payment_succeeded", now, payment: true, failed: fails);
            }

            w.WriteEndArray();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = _json;
        using var request = new HttpRequestMessage(HttpMethod.Post, eventsUri) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.Accepted ? DateTimeOffset.UtcNow : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static void Event(Utf8JsonWriter w, string session, int n, string merchant, string type, DateTime at, bool payment, bool failed = false)
    {
        w.WriteStartObject();
        w.WriteString("eventId", $"{session}-{n}");
        w.WriteString("merchantId", merchant);
        w.WriteString("sessionId", session);
        w.WriteString("type", type);
        w.WriteString("occurredAt", at);
        if (payment)
        {
            w.WriteNumber("amountMinor", 4999);
            w.WriteString("currency", "EUR");
            w.WriteString("psp", "adyen");
            w.WriteString("paymentMethod", "card");
            w.WriteString("cardNetwork", "visa");
        }

        if (failed)
        {
            w.WriteString("failureKind", "error");
            w.WriteString("declineCode", "96");
        }

        w.WriteString("country", "DE");
        w.WriteEndObject();
    }
}

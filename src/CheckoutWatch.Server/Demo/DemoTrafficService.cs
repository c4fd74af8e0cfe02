using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Ingest;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Demo;

/// <summary>
/// Feeds the node believable traffic through its own public ingest API (HTTP, with a key), so a
/// fresh start shows a live board within seconds. Off unless <c>CheckoutWatch:Demo:Enabled</c>.
/// </summary>
internal sealed class DemoTrafficService(
    IOptions<DemoOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClients,
    TimeProvider clock,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    public const string HttpClientName = "demo";
    private static readonly TimeSpan _tick = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var target = OwnAddress();
        if (target is null)
        {
            logger.LogWarning("Demo traffic is on but the node has no HTTP address to send to");
            return;
        }

        var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = target;
        var model = new DemoTrafficModel(demo.Merchants, seed: Environment.TickCount);
        var random = new Random();
        var nextIncident = NextIncidentAt(clock.GetUtcNow(), demo, random);
        double carry = 0;
        var last = clock.GetUtcNow();
        logger.LogInformation("Demo traffic: {Merchants} merchants, {Rate} sessions/s, sending to {Target}", demo.Merchants, demo.SessionsPerSecond, target);

        using var timer = new PeriodicTimer(_tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                // Arrivals follow elapsed time, not ticks, so a slow send does not thin the traffic.
                carry += demo.SessionsPerSecond * Math.Min((now - last).TotalSeconds, 5);
                last = now;
                var starts = (int)carry;
                carry -= starts;
                model.StartSessions(starts, now);
                if (nextIncident is { } at && now >= at)
                {
                    var incident = model.StartIncident(now + TimeSpan.FromSeconds(90 + random.Next(90)));
                    logger.LogInformation("Demo incident: {Kind} at {Merchant}/{Psp} until {Until:T}", incident.ThreeDsHang ? "3-D Secure hang" : "PSP failures", incident.MerchantId, incident.Psp, incident.Until);
                    nextIncident = NextIncidentAt(now, demo, random);
                }

                var events = model.Due(now);
                if (events.Count > 0)
                {
                    await SendAsync(http, demo.IngestKey!, events, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(HttpClient http, string key, List<CheckoutEvent> events, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 320);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var evt in events)
            {
                CheckoutEventJson.Write(writer, evt);
            }

            writer.WriteEndArray();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new ReadOnlyMemoryContent(buffer.WrittenMemory),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(IngestKeyDefaults.Header, key);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Demo batch answered {Status}: {Body}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Demo batch could not be sent");
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private Uri? OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // A wildcard binding is reached on loopback: the demo never leaves the machine.
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    private static DateTimeOffset? NextIncidentAt(DateTimeOffset now, DemoOptions demo, Random random) =>
        demo.IncidentEvery <= TimeSpan.Zero
            ? null
            : now + TimeSpan.FromSeconds(demo.IncidentEvery.TotalSeconds * (0.5 + random.NextDouble()));
}

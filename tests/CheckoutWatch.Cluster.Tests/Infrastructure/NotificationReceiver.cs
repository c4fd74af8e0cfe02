using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A real webhook and PagerDuty receiver on 127.0.0.1 (Kestrel) for the nodes' notifications.
/// Verifies webhook signatures as docs/notifications.md tells receivers to (written out here, not
/// taken from the product), records every request with the answer it gave, and answers
/// the status it was started with until <see cref="Accept"/> is called.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    public const string Secret = "cluster-test-webhook-secret-0001";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private volatile int _status;

    private NotificationReceiver(WebApplication app, int failWith)
    {
        _app = app;
        _status = failWith;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>Starts answering <paramref name="failWith"/> to everything.</summary>
    public static async Task<NotificationReceiver> StartAsync(int failWith)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NotificationReceiver(app, failWith);
        app.MapPost("/{target}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>From now on every well-formed (and, for webhooks, correctly signed) request is accepted with 202.</summary>
    public void Accept() => _status = 202;

    private async Task<IResult> HandleAsync(string target, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var pagerDuty = root.TryGetProperty("dedup_key", out _);
        // The transition's identity: a webhook's signed id (alert:transition:target), or for
        // PagerDuty what it deduplicates on, the dedup_key and the action.
        var identity = pagerDuty
            ? $"{target}/{root.GetProperty("dedup_key").GetString()}/{root.GetProperty("event_action").GetString()}"
            : root.GetProperty("id").GetString()!;
        var @event = pagerDuty ? root.GetProperty("event_action").GetString()! : root.GetProperty("event").GetString()!;
        var signed = pagerDuty || Verify(request.Headers["CheckoutWatch-Signature"].ToString(), body);
        var status = signed ? _status : 401;
        _received.Enqueue(new Received(target, identity, @event, request.Headers["Idempotency-Key"].ToString(), signed, status));
        return Results.StatusCode(status);
    }

    /// <summary>docs/notifications.md: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>, fresh within 5 minutes.</summary>
    private static bool Verify(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, out var seconds)
            || (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        byte[] signedContent = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signedContent);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(v1));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One request: the path's target, the transition it carries, its event, idempotency key, signature check and the answer given.</summary>
    public sealed record Received(string Target, string Identity, string Event, string IdempotencyKey, bool Signed, int Status)
    {
        public bool Accepted => Status is >= 200 and < 300;

        /// <summary>The alert id: the webhook id's first part, PagerDuty's dedup_key.</summary>
        public string AlertId => Identity.Contains('/', StringComparison.Ordinal) ? Identity.Split('/')[1] : Identity.Split(':')[0];
    }
}

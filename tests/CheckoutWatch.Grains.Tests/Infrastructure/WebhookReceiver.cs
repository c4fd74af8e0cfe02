using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CheckoutWatch.OnCall.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckoutWatch.Grains.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel): verifies webhook signatures the way docs/notifications.md
/// tells receivers to, records every request, and fails the ones a test asks it to fail.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, (int Remaining, int Status)> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<(Func<IReadOnlyCollection<Received>, bool> Done, TaskCompletionSource Signal)> _waiters = [];

    private WebhookReceiver(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<Received> Requests => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock);
        app.MapPost("/{target}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> requests whose idempotency key starts with the alert id answer <paramref name="status"/>.</summary>
    public void Fail(string alertId, int count, int status = 500) => _failures[alertId] = (count, status);

    public IReadOnlyList<Received> For(string alertId) =>
        [.. _received.Where(r => r.IdempotencyKey.StartsWith(alertId + ":", StringComparison.Ordinal))];

    /// <summary>Completes when the requests received so far satisfy <paramref name="done"/> (or fails after 10 s).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<Received>, bool> done)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (done(Requests))
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
        }

        await signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<IResult> HandleAsync(string target, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var key = request.Headers["Idempotency-Key"].ToString();
        var signature = request.Headers[WebhookSignature.Header].ToString();
        var signed = signature.Length > 0 && WebhookSignature.Verify(Secret, signature, body, _clock.GetUtcNow(), WebhookSignature.DefaultTolerance);
        var alertId = key.Split(':')[0];
        var status = 202;
        if (_failures.TryGetValue(alertId, out var failure) && failure.Remaining > 0)
        {
            _failures[alertId] = (failure.Remaining - 1, failure.Status);
            status = failure.Status;
        }
        else if (target != "pagerduty" && !signed)
        {
            status = 401;
        }

        var received = new Received(target, key, JsonDocument.Parse(body).RootElement.Clone(), signed, status);
        lock (_lock)
        {
            _received.Enqueue(received);
            foreach (var waiter in _waiters.Where(w => w.Done(Requests)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>One request: the target path, its idempotency key, body, whether its signature verified, and the answer given.</summary>
    public sealed record Received(string Target, string IdempotencyKey, JsonElement Body, bool Signed, int Status)
    {
        public bool Accepted => Status is >= 200 and < 300;

        public string Event => Body.TryGetProperty("event", out var e) ? e.GetString()! : Body.GetProperty("event_action").GetString()!;
    }
}

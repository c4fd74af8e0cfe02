using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Operations;

/// <summary>A node with <c>CheckoutWatch:Telemetry:OtlpEndpoint</c> set pushes traces and logs to that collector.</summary>
public sealed class OtlpExportTests(OtlpServerFixture server) : IClassFixture<OtlpServerFixture>
{
    [Fact]
    public async Task Requests_are_traced_and_exported_over_otlp_http()
    {
        var response = await server.PostEventsAsync(Events.Array(Events.Started("otlp-shop", "s1")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // The SDK's batch processors export every 5 s: wait for the collector to be called.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !(server.Collector.Received("/v1/traces") && server.Collector.Received("/v1/logs")))
        {
            await Task.Delay(50);
        }

        Assert.True(server.Collector.Received("/v1/traces"), "no trace export arrived: " + string.Join(", ", server.Collector.Paths));
        Assert.True(server.Collector.Received("/v1/logs"), "no log export arrived: " + string.Join(", ", server.Collector.Paths));
    }
}

public sealed class OtlpServerFixture : ServerFixture
{
    public FakeOtlpCollector Collector { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["CheckoutWatch:Telemetry:OtlpEndpoint"] = Collector.Address.ToString(),
        ["CheckoutWatch:Telemetry:OtlpProtocol"] = "HttpProtobuf",
        ["CheckoutWatch:Telemetry:TraceSampleRatio"] = "1",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}

/// <summary>An HTTP endpoint on loopback that accepts OTLP/HTTP posts and remembers their paths.</summary>
public sealed class FakeOtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _paths = new();

    public FakeOtlpCollector()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Address { get; }

    public IEnumerable<string> Paths => _paths;

    public bool Received(string path) => _paths.Contains(path);

    public void Dispose() => _listener.Close();

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            _paths.Enqueue(context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}

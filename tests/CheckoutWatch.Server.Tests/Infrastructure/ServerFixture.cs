using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Infrastructure;

/// <summary>
/// The real node — Kestrel on 127.0.0.1 with a random port and its co-hosted Orleans silo — shared
/// by every test in <see cref="ServerCollection"/>. Demo traffic is off; two ingest keys exist:
/// one for every merchant and one scoped to merchant "scoped-shop".
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string IngestKey = "test-ingest-key-all-merchants-0001";
    public const string ScopedKey = "test-ingest-key-scoped-shop-00001";
    public const string ScopedMerchant = "scoped-shop";
    public const int MaxBodyBytes = 256 * 1024;
    public const string LimitedKey = "test-ingest-key-limited-1-per-sec";

    private readonly Factory _factory;

    public ServerFixture() => _factory = new Factory(ExtraSettings);

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Loopback ports the node listens on besides its main, random one.</summary>
    protected virtual IEnumerable<int> ExtraListenPorts => [];

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client that sends the all-merchants ingest key.</summary>
    public HttpClient CreateClient(string? key = IngestKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async Task<HttpResponseMessage> PostEventsAsync(string json, string? key = IngestKey, string contentType = "application/json")
    {
        using var client = CreateClient(key);
        return await client.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, contentType));
    }

    /// <summary>Pushes what the node's ingest buffer holds to the merchant grains now.</summary>
    public Task FlushIngestAsync() =>
        Services.GetRequiredService<IGrainFactory>().GetGrain<CheckoutWatch.Abstractions.Grains.IIngestBufferGrain>(0).FlushAsync();

    public virtual Task InitializeAsync()
    {
        var extra = ExtraListenPorts.ToList();
        _factory.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            extra.ForEach(port => o.Listen(IPAddress.Loopback, port));
        });
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => !extra.Contains(new Uri(a).Port));
        BaseAddress = new Uri(address);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> extra) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            var settings = new Dictionary<string, string?>
            {
                ["CheckoutWatch:Demo:Enabled"] = "false",
                ["CheckoutWatch:Ingest:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CheckoutWatch:Ingest:MaxBatchEvents"] = "1000",
                ["CheckoutWatch:Ingest:Keys:0:Name"] = "all",
                ["CheckoutWatch:Ingest:Keys:0:Key"] = IngestKey,
                ["CheckoutWatch:Ingest:Keys:0:Merchants:0"] = "*",
                ["CheckoutWatch:Ingest:Keys:1:Name"] = "scoped",
                ["CheckoutWatch:Ingest:Keys:1:KeyHash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ScopedKey))),
                ["CheckoutWatch:Ingest:Keys:1:Merchants:0"] = ScopedMerchant,
                ["CheckoutWatch:Ingest:Keys:2:Name"] = "limited",
                ["CheckoutWatch:Ingest:Keys:2:Key"] = LimitedKey,
                ["CheckoutWatch:Ingest:Keys:2:Merchants:0"] = "*",
                ["CheckoutWatch:Ingest:Keys:2:RequestsPerSecond"] = "1",
                ["CheckoutWatch:Ingest:Keys:2:Burst"] = "2",
                ["CheckoutWatch:Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CheckoutWatch:Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CheckoutWatch:Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            };
            foreach (var (k, v) in extra)
            {
                settings[k] = v;
            }

            foreach (var (k, v) in settings)
            {
                builder.UseSetting(k, v);
            }
        }
    }
}

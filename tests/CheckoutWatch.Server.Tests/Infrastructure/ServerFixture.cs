using System.Net;
using System.Net.Http.Json;
using System.Text;
using CheckoutWatch.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Infrastructure;

/// <summary>
/// The real node — Kestrel on 127.0.0.1 with a random port and its co-hosted Orleans silo — shared
/// by every test in <see cref="ServerCollection"/>. Demo traffic is off; two ingest keys exist:
/// one for every merchant and one scoped to merchant "scoped-shop". One board user per role
/// (<see cref="UserName"/>, <see cref="Password"/>): sign in with <see cref="CreateUserClientAsync"/>
/// and <see cref="ConnectHubAsync"/>.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string IngestKey = "test-ingest-key-all-merchants-0001";
    public const string ScopedKey = "test-ingest-key-scoped-shop-00001";
    public const string ScopedMerchant = "scoped-shop";
    public const int MaxBodyBytes = 256 * 1024;
    public const string LimitedKey = "test-ingest-key-limited-1-per-sec";

    /// <summary>The two keys of the name "rotating" during a rotation (current and next).</summary>
    public const string RotatingCurrentKey = "test-ingest-key-rotating-current-01";
    public const string RotatingNextKey = "test-ingest-key-rotating-next-00001";

    private readonly Factory _factory;

    public ServerFixture() => _factory = new Factory(ExtraSettings);

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Loopback ports the node listens on besides its main, random one.</summary>
    protected virtual IEnumerable<int> ExtraListenPorts => [];

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>A second agent (role agent), for tests where two agents compete.</summary>
    public const string SecondAgent = "test-agent-2";

    /// <summary>The configured board user holding only <paramref name="role"/>.</summary>
    public static string UserName(string role) => "test-" + role;

    public static string Password(string role) => $"test-{role}-password-0001";

    /// <summary>This node's origin, as a browser would send it in the Origin header.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// A client signed in as the test user of <paramref name="role"/> (wall, agent, oncall, admin):
    /// it keeps the session cookie and sends this node's Origin, as the board does.
    /// </summary>
    public async Task<HttpClient> CreateUserClientAsync(string role)
    {
        var client = CreateCookieClient(new CookieContainer());
        using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = UserName(role), password = Password(role) });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {UserName(role)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>A client without a session that keeps cookies in <paramref name="cookies"/> and sends this node's Origin.</summary>
    public HttpClient CreateCookieClient(CookieContainer cookies)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    /// <summary>The session cookie of a fresh sign-in as <paramref name="role"/> (for a browser context).</summary>
    public async Task<Cookie> SignInCookieAsync(string role, string? userName = null)
    {
        var cookies = new CookieContainer();
        using var client = CreateCookieClient(cookies);
        var name = userName ?? UserName(role);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name, password = Password(name["test-".Length..]) });
        response.EnsureSuccessStatusCode();
        return cookies.GetCookies(BaseAddress)[BoardAuthDefaults.CookieName]!;
    }

    /// <summary>A hub connection (official SignalR client), not started yet, signed in as <paramref name="role"/>.</summary>
    public async Task<HubConnection> CreateHubAsync(string role)
    {
        var cookie = await SignInCookieAsync(role);
        return CreateHub(cookie);
    }

    /// <summary>A hub connection, not started yet, that carries <paramref name="cookie"/> (or no session at all).</summary>
    public HubConnection CreateHub(Cookie? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "/hubs/warroom"), o =>
        {
            if (cookie is not null)
            {
                o.Cookies.Add(BaseAddress, cookie);
            }

            o.Headers["Origin"] = Origin;
        })
        .Build();

    /// <summary>A started hub connection signed in as <paramref name="role"/>.</summary>
    public async Task<HubConnection> ConnectHubAsync(string role)
    {
        var hub = await CreateHubAsync(role);
        await hub.StartAsync();
        return hub;
    }

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
                ["CheckoutWatch:Telemetry:Dashboard"] = "true",
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
                ["CheckoutWatch:Ingest:Keys:3:Name"] = "rotating",
                ["CheckoutWatch:Ingest:Keys:3:Key"] = RotatingCurrentKey,
                ["CheckoutWatch:Ingest:Keys:3:NextKeyHash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(RotatingNextKey))),
                ["CheckoutWatch:Ingest:Keys:3:Merchants:0"] = "*",
                // Every test signs in from 127.0.0.1; the sign-in limit has its own fixture.
                ["CheckoutWatch:Auth:SignInAttemptsPerMinute"] = "1000000",
                ["CheckoutWatch:Auth:Users:0:Name"] = UserName(Roles.Wall),
                ["CheckoutWatch:Auth:Users:0:Password"] = Password(Roles.Wall),
                ["CheckoutWatch:Auth:Users:0:Roles:0"] = Roles.Wall,
                ["CheckoutWatch:Auth:Users:1:Name"] = UserName(Roles.Agent),
                ["CheckoutWatch:Auth:Users:1:Password"] = Password(Roles.Agent),
                ["CheckoutWatch:Auth:Users:1:Roles:0"] = Roles.Agent,
                ["CheckoutWatch:Auth:Users:2:Name"] = UserName(Roles.Oncall),
                ["CheckoutWatch:Auth:Users:2:Password"] = Password(Roles.Oncall),
                ["CheckoutWatch:Auth:Users:2:Roles:0"] = Roles.Oncall,
                // The admin is configured as production would be: a PBKDF2 hash, no plain text.
                ["CheckoutWatch:Auth:Users:3:Name"] = UserName(Roles.Admin),
                ["CheckoutWatch:Auth:Users:3:PasswordHash"] = BoardUserStore.HashPassword(Password(Roles.Admin)),
                ["CheckoutWatch:Auth:Users:3:Roles:0"] = Roles.Admin,
                ["CheckoutWatch:Auth:Users:4:Name"] = SecondAgent,
                ["CheckoutWatch:Auth:Users:4:Password"] = Password(SecondAgent["test-".Length..]),
                ["CheckoutWatch:Auth:Users:4:Roles:0"] = Roles.Agent,
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

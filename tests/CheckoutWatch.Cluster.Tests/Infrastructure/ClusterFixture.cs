using System.Net;
using System.Net.Http.Json;
using System.Text;
using StackExchange.Redis;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A two-node cluster on a real Redis, all on loopback: <c>redis-server</c> on a free port and
/// two node processes with their own HTTP, silo and gateway ports, stream ingest on. Each test
/// class gets its own (they kill nodes and restart Redis); everything is killed at the end.
/// A derived fixture adds settings through <see cref="AddSettings"/>.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string IngestKey = "cluster-test-ingest-key-0001";
    public const string OncallUser = "oncall-cluster-test";
    public const string OncallPassword = "cluster-test-password-0001";
    public const string AgentUser = "agent-cluster-test";
    public const string AgentPassword = "cluster-test-password-0002";
    public const string StreamKey = "cw-test:events";
    public const string Group = "checkoutwatch";
    public static readonly TimeSpan ReclaimAfter = TimeSpan.FromSeconds(3);

    /// <summary>The smallest cap a session may have, so a test can fill one.</summary>
    public const int MaxEventsPerSession = 16;

    private readonly string _logDir = Directory.CreateTempSubdirectory("cw-cluster-").FullName;
    private ConnectionMultiplexer? _redisClient;
    private Dictionary<string, string> _settings = [];
    private int _generation;

    public RedisProcess Redis { get; } = new();

    public NodeProcess A { get; private set; } = null!;

    public NodeProcess B { get; private set; } = null!;

    public IReadOnlyList<NodeProcess> Nodes => [A, B];

    public IDatabase Db => _redisClient!.GetDatabase();

    public virtual async Task InitializeAsync()
    {
        await Redis.StartAsync();
        _redisClient = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { Redis.ConnectionString }, AbortOnConnectFail = false });
        _settings = Settings();
        AddSettings(_settings);
        A = NodeProcess.Start("node-a", _settings, _logDir);
        B = NodeProcess.Start("node-b", _settings, _logDir);
        await Task.WhenAll(A.WaitReadyAsync(TimeSpan.FromSeconds(90)), B.WaitReadyAsync(TimeSpan.FromSeconds(90)));
    }

    /// <summary>
    /// SIGKILLs both nodes and starts them again on the same ports with the same settings on the
    /// same Redis, as after a whole-cluster crash; answers once both are ready. (Same silo
    /// addresses: each new generation retires its dead predecessor in the membership table at once.)
    /// </summary>
    public async Task KillAndRestartAllAsync()
    {
        await Task.WhenAll(A.KillAsync(), B.KillAsync());
        var (a, b) = (A, B);
        await Task.WhenAll(a.DisposeAsync().AsTask(), b.DisposeAsync().AsTask());
        _generation++;
        A = NodeProcess.Start($"node-a-{_generation}", _settings, _logDir, a.Ports);
        B = NodeProcess.Start($"node-b-{_generation}", _settings, _logDir, b.Ports);
        await Task.WhenAll(A.WaitReadyAsync(TimeSpan.FromSeconds(90)), B.WaitReadyAsync(TimeSpan.FromSeconds(90)));
    }

    /// <summary>Settings a derived fixture adds to (or overrides in) every node's configuration.</summary>
    protected virtual void AddSettings(Dictionary<string, string> settings)
    {
    }

    public HttpClient Client(NodeProcess node) => new()
    {
        BaseAddress = node.BaseAddress,
        Timeout = TimeSpan.FromSeconds(15),
        DefaultRequestHeaders = { { "X-Api-Key", IngestKey } },
    };

    /// <summary>A client signed in on <paramref name="node"/> as the on-call test user (session cookie, the node's Origin).</summary>
    public Task<HttpClient> UserClientAsync(NodeProcess node, CookieContainer? cookies = null) =>
        UserClientAsync(node, OncallUser, OncallPassword, cookies);

    /// <summary>A client signed in on <paramref name="node"/> as a configured user.</summary>
    public async Task<HttpClient> UserClientAsync(NodeProcess node, string user, string password, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
        client.DefaultRequestHeaders.Add("Origin", node.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = user, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in on {node.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public async Task<HttpResponseMessage> PostEventsAsync(NodeProcess node, string json)
    {
        using var client = Client(node);
        return await client.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    public Task<RedisValue> AddToStreamAsync(string json) =>
        Db.StreamAddAsync(StreamKey, "data", json);

    /// <summary>Waits until the group has delivered every entry and none is pending.</summary>
    public async Task WaitStreamDrainedAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        string state = "";
        while (DateTime.UtcNow < until)
        {
            try
            {
                var info = await Db.StreamInfoAsync(StreamKey);
                var group = (await Db.StreamGroupInfoAsync(StreamKey)).Single(g => g.Name == Group);
                state = $"last entry {info.LastGeneratedId}, group at {group.LastDeliveredId}, {group.PendingMessageCount} pending";
                if (group.PendingMessageCount == 0 && group.LastDeliveredId == info.LastGeneratedId.ToString())
                {
                    return;
                }
            }
            catch (RedisException ex)
            {
                state = ex.Message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The stream was not drained within {limit.TotalSeconds:F0} s: {state}");
    }

    /// <summary>The merchant's counts over five minutes as a node sees them.</summary>
    public async Task<int> CheckoutsStartedAsync(NodeProcess node, string merchant)
    {
        using var client = await UserClientAsync(node);
        using var response = await client.GetAsync($"/api/v1/merchants/{merchant}/breakdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checkoutsStarted").GetInt32();
    }

    /// <summary>Both nodes' log tails, for assertion messages.</summary>
    public string Logs() => string.Join("\n", Nodes.Select(n => $"--- {n.Name}{(n.HasExited ? " (exited)" : "")}\n{n.Tail(25)}"));

    public virtual async Task DisposeAsync()
    {
        await Task.WhenAll(Nodes.Where(n => n is not null).Select(n => n.DisposeAsync().AsTask()));
        if (_redisClient is not null)
        {
            await _redisClient.DisposeAsync();
        }

        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_logDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["CheckoutWatch:Redis:ConnectionString"] = Redis.ConnectionString,
        ["CheckoutWatch:Orleans:ClusterId"] = "cw-test-" + Guid.NewGuid().ToString("N")[..8],
        ["CheckoutWatch:Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        // Notice a dead node in a few seconds rather than the production default's ~30 s.
        ["CheckoutWatch:Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["CheckoutWatch:Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["CheckoutWatch:Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["CheckoutWatch:Demo:Enabled"] = "false",
        ["CheckoutWatch:Ingest:Keys:0:Name"] = "cluster-test",
        ["CheckoutWatch:Ingest:Keys:0:Key"] = IngestKey,
        ["CheckoutWatch:Ingest:Keys:0:Merchants:0"] = "*",
        ["CheckoutWatch:Ingest:Keys:0:RequestsPerSecond"] = "100000",
        ["CheckoutWatch:Ingest:Keys:0:Burst"] = "100000",
        ["CheckoutWatch:Auth:SignInAttemptsPerMinute"] = "100000",
        ["CheckoutWatch:Auth:Users:0:Name"] = OncallUser,
        ["CheckoutWatch:Auth:Users:0:Password"] = OncallPassword,
        ["CheckoutWatch:Auth:Users:0:Roles:0"] = "oncall",
        ["CheckoutWatch:Auth:Users:1:Name"] = AgentUser,
        ["CheckoutWatch:Auth:Users:1:Password"] = AgentPassword,
        ["CheckoutWatch:Auth:Users:1:Roles:0"] = "agent",
        ["CheckoutWatch:Sessions:MaxEventsPerSession"] = MaxEventsPerSession.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CheckoutWatch:StreamIngest:Enabled"] = "true",
        ["CheckoutWatch:StreamIngest:StreamKey"] = StreamKey,
        ["CheckoutWatch:StreamIngest:Group"] = Group,
        ["CheckoutWatch:StreamIngest:ReclaimAfter"] = ReclaimAfter.ToString(),
        ["CheckoutWatch:StreamIngest:IdleDelay"] = "00:00:00.050",
        ["CheckoutWatch:StreamIngest:MaxBackoff"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:CheckoutWatch"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };
}

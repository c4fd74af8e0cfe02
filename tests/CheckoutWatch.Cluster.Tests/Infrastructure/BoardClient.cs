using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A board as the browser's <c>alert-store.js</c> keeps it, on the official SignalR client, behind
/// a "load balancer": when its node goes away it connects to the next one and asks
/// <c>GetAlertsSince</c> from the highest sequence it holds. Keeps each alert's newest version
/// (an older or equal sequence is ignored, as on the board).
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly ClusterFixture _cluster;
    private readonly IReadOnlyList<NodeProcess> _nodes;
    private readonly ConcurrentDictionary<string, JsonElement> _alerts = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private HubConnection? _connection;
    private int _node;
    private bool _disposed;

    private BoardClient(ClusterFixture cluster, IReadOnlyList<NodeProcess> nodes)
    {
        _cluster = cluster;
        _nodes = nodes;
    }

    /// <summary>The highest sequence applied.</summary>
    public long Held { get; private set; }

    /// <summary>Pushed or fetched versions applied, and older or equal ones ignored.</summary>
    public int Applied { get; private set; }

    public NodeProcess ConnectedTo => _nodes[_node];

    /// <summary>Set when a reconnect to another node finished its catch-up.</summary>
    public TaskCompletionSource<DateTime> CaughtUpAfterFailover { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, JsonElement> Alerts => _alerts;

    /// <summary>Signs in on the first node as the on-call test user and connects there.</summary>
    public static async Task<BoardClient> ConnectAsync(ClusterFixture cluster, IReadOnlyList<NodeProcess> nodes)
    {
        var board = new BoardClient(cluster, nodes);
        await board.ConnectAndLoadAsync(snapshot: true);
        return board;
    }

    public long SequenceOf(string id) => _alerts.TryGetValue(id, out var a) ? a.GetProperty("sequence").GetInt64() : 0;

    public string? StatusOf(string id) => _alerts.TryGetValue(id, out var a) ? a.GetProperty("status").GetString() : null;

    private async Task ConnectAndLoadAsync(bool snapshot)
    {
        // A sign-in on the node it connects to, as a browser sent there by the load balancer would.
        var node = _nodes[_node];
        var cookies = new CookieContainer();
        using (await _cluster.UserClientAsync(node, cookies))
        {
        }

        var connection = new HubConnectionBuilder().WithUrl(new Uri(node.BaseAddress, "/hubs/warroom"), o =>
        {
            o.Cookies = cookies;
            o.Headers["Origin"] = node.BaseAddress.GetLeftPart(UriPartial.Authority);
        }).Build();
        connection.On<JsonElement>("AlertsChanged", alerts => Apply(alerts.EnumerateArray()));
        connection.Closed += OnClosedAsync;
        await connection.StartAsync();
        _connection = connection;
        if (snapshot)
        {
            var board = await connection.InvokeAsync<JsonElement>("GetSnapshot");
            Apply(board.GetProperty("alerts").EnumerateArray());
            lock (_gate)
            {
                Held = Math.Max(Held, board.GetProperty("alertSequence").GetInt64());
            }
        }
        else
        {
            var page = await connection.InvokeAsync<JsonElement>("GetAlertsSince", Held);
            Assert.False(page.GetProperty("truncated").GetBoolean(), "The catch-up was truncated.");
            Apply(page.GetProperty("alerts").EnumerateArray());
        }
    }

    private async Task OnClosedAsync(Exception? error)
    {
        if (_disposed)
        {
            return;
        }

        // The node is gone: the next one, as a load balancer would send us, until one answers.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_disposed && DateTime.UtcNow < until)
        {
            _node = (_node + 1) % _nodes.Count;
            var node = _nodes[_node];
            if (node.HasExited)
            {
                continue;
            }

            try
            {
                await ConnectAndLoadAsync(snapshot: false);
                CaughtUpAfterFailover.TrySetResult(DateTime.UtcNow);
                return;
            }
            catch (Exception)
            {
                // A live node refused (the cluster is still settling): try again once it says it is ready.
                await node.WaitReadyAsync(until - DateTime.UtcNow);
            }
        }
    }

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the board next applies an alert change (take it before checking state).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    private void Apply(IEnumerable<JsonElement> alerts)
    {
        try
        {
            ApplyLocked(alerts);
        }
        finally
        {
            Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void ApplyLocked(IEnumerable<JsonElement> alerts)
    {
        lock (_gate)
        {
            foreach (var alert in alerts)
            {
                var id = alert.GetProperty("id").GetString()!;
                var sequence = alert.GetProperty("sequence").GetInt64();
                if (_alerts.TryGetValue(id, out var known) && known.GetProperty("sequence").GetInt64() >= sequence)
                {
                    continue;
                }

                _alerts[id] = alert.Clone();
                Held = Math.Max(Held, sequence);
                Applied++;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

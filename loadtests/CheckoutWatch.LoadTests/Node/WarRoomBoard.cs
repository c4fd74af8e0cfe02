using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// A board client on <c>/hubs/warroom</c> with the official .NET SignalR client (JSON protocol,
/// WebSockets). Every alert in an <c>AlertsChanged</c> push is handed to <c>onAlert</c> with the
/// wall-clock time it arrived (same host as the node, so it compares with the alert's <c>detectedAt</c>).
/// </summary>
public sealed class WarRoomBoard : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private WarRoomBoard(HubConnection connection) => _connection = connection;

    public long HealthUpdates;

    public static async Task<WarRoomBoard> ConnectAsync(Uri nodeBase, int client, Action<AlertSeen> onAlert, CancellationToken cancellationToken)
    {
        var cookie = await BoardSession.CookieAsync(nodeBase, cancellationToken).ConfigureAwait(false);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(nodeBase, "/hubs/warroom"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies.Add(nodeBase, cookie);
                o.Headers["Origin"] = BoardSession.Origin(nodeBase);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        var board = new WarRoomBoard(connection);
        connection.On<JsonElement>("AlertsChanged", alerts =>
        {
            var received = DateTimeOffset.UtcNow;
            if (alerts.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var a in alerts.EnumerateArray())
            {
                onAlert(new AlertSeen(
                    client,
                    Text(a, "id"),
                    a.TryGetProperty("sequence", out var s) && s.TryGetInt64(out var seq) ? seq : 0,
                    Text(a, "merchantId"),
                    Text(a, "kind"),
                    Text(a, "status"),
                    DateTimeOffset.TryParse(Text(a, "detectedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : received,
                    received));
            }
        });
        connection.On<JsonElement>("HealthUpdated", _ => Interlocked.Increment(ref board.HealthUpdates));
        await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        return board;
    }

    public HubConnectionState State => _connection.State;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// Sits between a board page and <c>/hubs/warroom</c> (SignalR JSON protocol over a routed
/// WebSocket): records what the page asks the hub, can drop the connection and keep the hub
/// unreachable, lose chosen pushes on the way to the page, mark the next catch-up answer as
/// truncated, and deliver a message of its own to the page.
/// </summary>
public sealed partial class HubTap
{
    private const char RecordSeparator = '\u001e';

    private readonly ConcurrentQueue<(string Target, long Argument)> _invocations = new();
    private readonly ConcurrentDictionary<string, string> _targetsById = new(StringComparer.Ordinal);
    private IWebSocketRoute? _socket;
    private volatile bool _blocked;
    private volatile bool _truncateNextCatchUp;
    private int _dropped;

    private HubTap()
    {
    }

    /// <summary>Hub invocations the page sent, in order: target and first argument (0 without one).</summary>
    public IReadOnlyList<(string Target, long Argument)> Invocations => [.. _invocations];

    /// <summary>Server-to-page invocations (pushes) for which this returns true are lost on the way.</summary>
    public Func<string, bool>? LosePush { get; set; }

    /// <summary>How many pushes <see cref="LosePush"/> has lost.</summary>
    public int Lost => Volatile.Read(ref _dropped);

    /// <summary>Routes the page's hub traffic through a new tap; call before opening the page.</summary>
    public static async Task<HubTap> AttachAsync(IPage page)
    {
        var tap = new HubTap();
        await page.RouteWebSocketAsync(HubUrl(), tap.Connect);
        await page.RouteAsync(HubUrl(), async route =>
        {
            if (tap._blocked)
            {
                await route.AbortAsync("connectionrefused");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        return tap;
    }

    /// <summary>Closes the page's hub connection and keeps the hub unreachable until <see cref="Restore"/>.</summary>
    public async Task DropAsync()
    {
        _blocked = true;
        var socket = _socket ?? throw new InvalidOperationException("The page has no hub connection.");
        await socket.CloseAsync(new() { Code = 1011, Reason = "test drops the connection" });
    }

    public void Restore() => _blocked = false;

    /// <summary>The next <c>GetAlertsSince</c> answer reaches the page with <c>truncated: true</c>.</summary>
    public void TruncateNextCatchUp() => _truncateNextCatchUp = true;

    /// <summary>Delivers one hub message (JSON, without the record separator) to the page.</summary>
    public void SendToPage(string message) =>
        (_socket ?? throw new InvalidOperationException("The page has no hub connection.")).Send(message + RecordSeparator);

    private void Connect(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        page.OnMessage(frame => Forward(frame, server, FromPage));
        server.OnMessage(frame => Forward(frame, page, FromHub));
        _socket = page;
    }

    /// <summary>Passes a frame on, message by message, after <paramref name="inspect"/> (which may drop or change one).</summary>
    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to, Func<string, string?> inspect)
    {
        if (frame.Text is not { } text)
        {
            if (frame.Binary is { } bytes)
            {
                to.Send(bytes);
            }

            return;
        }

        var kept = text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(inspect)
            .OfType<string>()
            .ToList();
        if (kept.Count > 0)
        {
            to.Send(string.Concat(kept.Select(m => m + RecordSeparator)));
        }
    }

    private string? FromPage(string message)
    {
        if (Parse(message) is { } node && Type(node) == 1 && node["target"]?.GetValue<string>() is { } target)
        {
            var arguments = node["arguments"] as JsonArray;
            _invocations.Enqueue((target, arguments is [JsonValue first, ..] ? first.GetValue<long>() : 0));
            if (node["invocationId"]?.GetValue<string>() is { } id)
            {
                _targetsById[id] = target;
            }
        }

        return message;
    }

    private string? FromHub(string message)
    {
        if (Parse(message) is not { } node)
        {
            return message;
        }

        if (Type(node) == 1 && LosePush is { } lose && lose(message))
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        if (Type(node) == 3
            && _truncateNextCatchUp
            && node["invocationId"]?.GetValue<string>() is { } id
            && _targetsById.TryGetValue(id, out var target) && target == "GetAlertsSince"
            && node["result"] is JsonObject result)
        {
            _truncateNextCatchUp = false;
            result["truncated"] = true;
            return node.ToJsonString();
        }

        return message;
    }

    private static JsonObject? Parse(string message)
    {
        try
        {
            return JsonNode.Parse(message) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static int Type(JsonObject node) => node["type"] is JsonValue v && v.TryGetValue<int>(out var type) ? type : 0;

    /// <summary>Both the negotiate request and the WebSocket of <c>/hubs/warroom</c>.</summary>
    [GeneratedRegex(@"/hubs/warroom(/negotiate)?(\?|$)")]
    private static partial Regex HubUrl();
}

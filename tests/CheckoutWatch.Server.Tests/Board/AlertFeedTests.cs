using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// The board's alert feed in a real browser against the real node: an incident the node really
/// detects, acted on from one board and seen on another, and caught up after a dropped connection.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class AlertFeedTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    /// <summary>Generous, for a busy 2-core machine; auto-waiting returns as soon as the page is right.</summary>
    private const float Timeout = 30_000;

    /// <summary>
    /// "Within a few seconds": acknowledgements are pushed at once. The boards stay connected in
    /// that test, so a pass cannot come from a reconnect's catch-up.
    /// </summary>
    private const float PushTimeout = 10_000;

    private static readonly TimeSpan _incidentLimit = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task The_alert_store_applies_each_version_once_in_sequence_order_and_knows_where_to_catch_up()
    {
        await using var board = await chromium.NewPageAsync(server.BaseAddress);
        await board.OpenAsync();

        // The board's own module, exercised in the browser that runs it.
        var result = await board.Page.EvaluateAsync<JsonElement>("""
            async () => {
              const { AlertStore } = await import('./js/alert-store.js');
              const a = (id, sequence, status = 'open') => ({ id, sequence, status, merchantId: 'm', severity: 'major' });
              const s = new AlertStore();
              const out = { before: s.lastSequence };
              s.applyChanges([a('x', 12)]);                  // a push that overtakes the first snapshot
              s.applySnapshot([a('y', 10), a('x', 8)], 11);
              out.xAfterSnapshot = s.get('x').sequence;
              out.afterSnapshot = s.lastSequence;
              s.applyChanges([a('y', 14, 'acknowledged')]);  // 13 has not arrived (yet)
              out.withGap = s.lastSequence;
              out.gapSeen = s.hasGapOlderThan(0);
              s.applyChanges([a('y', 11, 'open')]);          // an older version, late
              out.yStatus = s.get('y').status;
              s.applyChanges([a('z', 13)]);                  // the late push closes the gap
              out.gapClosed = s.lastSequence;
              out.gapAfter = s.hasGapOlderThan(0);
              s.applyPage({ sequence: 20, alerts: [a('y', 14, 'acknowledged'), a('w', 20)], truncated: false });
              out.afterPage = s.lastSequence;
              out.count = [...s.values()].length;
              s.applySnapshot([a('y', 15, 'resolved'), a('w', 20)], 21); // x and z were pruned by the node
              out.ids = [...s.values()].map((v) => v.id).sort().join(',');
              out.final = s.lastSequence;
              return out;
            }
            """);

        Assert.Equal(JsonValueKind.Null, result.GetProperty("before").ValueKind);
        Assert.Equal(12, result.GetProperty("xAfterSnapshot").GetInt64());
        Assert.Equal(12, result.GetProperty("afterSnapshot").GetInt64());
        Assert.Equal(12, result.GetProperty("withGap").GetInt64());
        Assert.True(result.GetProperty("gapSeen").GetBoolean());
        Assert.Equal("acknowledged", result.GetProperty("yStatus").GetString());
        Assert.Equal(14, result.GetProperty("gapClosed").GetInt64());
        Assert.False(result.GetProperty("gapAfter").GetBoolean());
        Assert.Equal(20, result.GetProperty("afterPage").GetInt64());
        Assert.Equal(4, result.GetProperty("count").GetInt32());
        Assert.Equal("w,y", result.GetProperty("ids").GetString());
        Assert.Equal(21, result.GetProperty("final").GetInt64());
        Assert.Empty(board.Errors);
    }

    [Fact]
    public async Task A_detected_incident_shows_as_a_card_and_a_tile_badge_and_actions_on_one_board_reach_the_other()
    {
        var merchant = NewMerchant();
        await using var first = await OpenLiveBoardAsync();
        await using var second = await OpenLiveBoardAsync();

        var alert = await DriveIncidentAsync(merchant);
        var id = alert.GetProperty("id").GetString()!;

        // Pushed to both boards, with the figures a person needs to act.
        foreach (var board in new[] { first, second })
        {
            await Expect(board.AlertCard(id)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        }

        await Expect(first.AlertField(id, "title")).ToHaveTextAsync(new Regex($"^Technical payment failures on merchant {merchant}: \\d+ %"));
        await Expect(first.AlertCard(id)).ToHaveAttributeAsync("data-severity", SevereEnough());
        await Expect(first.AlertField(id, "severity")).ToHaveTextAsync(SevereEnough());
        await Expect(first.AlertField(id, "merchant")).ToHaveTextAsync(merchant);
        await Expect(first.AlertField(id, "figures")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? % vs \d+(\.\d)? %( over .+)?$"));
        await Expect(first.AlertField(id, "revenue")).ToContainTextAsync("€");
        await Expect(first.AlertField(id, "decline-codes")).ToContainTextAsync("96");
        await Expect(first.AlertField(id, "guidance")).ToContainTextAsync("payments team");
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(new Regex(@"^open since \d\d:\d\d"));
        await Expect(first.Tile(merchant)).ToHaveAttributeAsync("data-alert", SevereEnough(), new() { Timeout = Timeout });
        await Expect(first.Field(merchant, "alert")).ToHaveTextAsync(new Regex("^(critical|major) alert$"));

        // Without a name nothing is sent: the board asks for one.
        await first.AlertButton(id, "Acknowledge").ClickAsync();
        await Expect(first.AlertField(id, "error")).ToContainTextAsync("Type your name");
        await Expect(first.OperatorName).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(first.AlertCard(id)).ToHaveAttributeAsync("data-status", "open");

        var acknowledger = "Ack " + Guid.NewGuid().ToString("N")[..6];
        await first.OperatorName.FillAsync(acknowledger);
        await first.AlertButton(id, "Acknowledge").ClickAsync();
        await Expect(second.AlertField(id, "status")).ToHaveTextAsync(Status("acknowledged", acknowledger), new() { Timeout = PushTimeout });
        await Expect(second.AlertCard(id)).ToHaveAttributeAsync("data-status", "acknowledged");
        await Expect(second.Field(merchant, "alert")).ToHaveTextAsync("alert acknowledged");
        await Expect(first.AlertButton(id, "Acknowledge")).ToHaveCountAsync(0);

        var resolver = "Res " + Guid.NewGuid().ToString("N")[..6];
        await second.OperatorName.FillAsync(resolver);
        await second.AlertButton(id, "Resolve").ClickAsync();
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = PushTimeout });
        await Expect(first.AlertCard(id)).ToHaveAttributeAsync("data-mode", "compact");
        await Expect(first.Field(merchant, "alert")).ToBeHiddenAsync();
        await Expect(first.AlertCard(id)).ToHaveCountAsync(1);
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);

        // The name is typed once per browser; a reload starts from the snapshot, resolved and dimmed.
        await first.Page.ReloadAsync();
        await Expect(first.OperatorName).ToHaveValueAsync(acknowledger);
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = Timeout });
        await Expect(first.AlertCard(id)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_board_that_was_away_catches_up_from_its_last_sequence_with_one_card_per_alert()
    {
        var merchant = NewMerchant();
        var alert = await DriveIncidentAsync(merchant);
        var id = alert.GetProperty("id").GetString()!;

        await using var board = await chromium.NewPageAsync(server.BaseAddress);
        var sent = new ConcurrentQueue<string>();
        IWebSocketRoute? socket = null;
        await board.Page.RouteWebSocketAsync(HubUrl(), ws =>
        {
            // Forward both ways, and note what the board asks the hub.
            var toServer = ws.ConnectToServer();
            ws.OnMessage(frame =>
            {
                if (frame.Text is { } text)
                {
                    sent.Enqueue(text);
                    toServer.Send(text);
                }
                else if (frame.Binary is { } bytes)
                {
                    toServer.Send(bytes);
                }
            });
            socket = ws;
        });
        var blocked = false;
        await board.Page.RouteAsync(HubUrl(), async route =>
        {
            if (blocked)
            {
                await route.AbortAsync("connectionrefused");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        // Opened after the incident: the first connect takes it from the snapshot.
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });
        var held = long.Parse(await board.AlertCard(id).GetAttributeAsync("data-sequence") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new[] { "GetSnapshot" }, Invocations(sent).Select(i => i.Target));

        blocked = true;
        await socket!.CloseAsync(new() { Code = 1011, Reason = "test drops the connection" });
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeout });

        // While the board is away, the alert is acknowledged and then resolved by hand.
        using var client = server.CreateClient();
        using var acknowledged = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { by = "away-acknowledger" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var missedFrom = (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64();
        using var resolved = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { by = "away-resolver" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        blocked = false;
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", "away-resolver"), new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveCountAsync(1);

        // It asked for what changed after what it held, not before it and not after what it missed.
        var catchUp = Invocations(sent).Where(i => i.Target == "GetAlertsSince").Select(i => i.Argument).ToList();
        Assert.Contains(catchUp, since => since >= held && since < missedFrom);

        // A late, older version (the open one) must neither rewind the card nor add a second one.
        // A marker alert in the same message shows when the board has handled it.
        var marker = JsonNode.Parse(alert.GetRawText())!;
        var markerId = "al-test-" + Guid.NewGuid().ToString("N")[..8];
        marker["id"] = markerId;
        marker["title"] = "Marker for the stale push";
        socket!.Send($$"""{"type":1,"target":"AlertsChanged","arguments":[[{{alert.GetRawText()}},{{marker.ToJsonString()}}]]}""" + "\u001e");
        await Expect(board.AlertCard(markerId)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveCountAsync(1);
        await Expect(board.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", "away-resolver"));
        Assert.DoesNotContain(board.Errors, e => e.StartsWith("page error", StringComparison.Ordinal));
    }

    private async Task<BoardPage> OpenLiveBoardAsync()
    {
        var board = await chromium.NewPageAsync(server.BaseAddress);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        return board;
    }

    /// <summary>
    /// A real incident for a new merchant: every 250 ms a batch of 16 payment outcomes, half of
    /// them technical errors (decline code 96), until the node has opened a spike alert. Returns
    /// the alert as the REST API shows it.
    /// </summary>
    private async Task<JsonElement> DriveIncidentAsync(string merchant)
    {
        using var client = server.CreateClient();
        var started = DateTime.UtcNow;
        var answer = "nothing yet";
        for (var batch = 0; DateTime.UtcNow - started < _incidentLimit; batch++)
        {
            var events = Enumerable.Range(0, 16)
                .Select(i => i % 2 == 0
                    ? Events.Payment(merchant, $"s{batch}-{i}", "payment_failed", failure: "error", declineCode: "96")
                    : Events.Payment(merchant, $"s{batch}-{i}", "payment_succeeded"))
                .ToArray();
            using (var response = await server.PostEventsAsync(Events.Array(events)))
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?merchant={merchant}&kind=payment_failure_spike");
            answer = alerts.GetRawText();
            foreach (var alert in alerts.EnumerateArray())
            {
                if (alert.GetProperty("status").GetString() == "open" && alert.GetProperty("parentId").ValueKind == JsonValueKind.Null)
                {
                    return alert.Clone();
                }
            }

            await Task.Delay(250); // paces the traffic; the loop ends as soon as the alert exists
        }

        throw new XunitException(
            $"No open spike alert for {merchant} after {_incidentLimit.TotalSeconds:F0} s of 50 % technical failures at 64 attempts/s. " +
            $"GET /api/v1/alerts?merchant={merchant} answered: {answer}");
    }

    private static string NewMerchant() => "alerts-" + Guid.NewGuid().ToString("N")[..8];

    private static Regex Status(string status, string by) => new($"^{status} by {Regex.Escape(by)} at \\d\\d:\\d\\d$");

    /// <summary>Hub invocations the board sent: target and first argument (0 when there is none).</summary>
    private static List<(string Target, long Argument)> Invocations(IEnumerable<string> frames)
    {
        var invocations = new List<(string, long)>();
        foreach (var message in frames.SelectMany(f => f.Split('\u001e', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (JsonNode.Parse(message) is JsonObject { } node
                && node["type"]?.GetValue<int>() == 1
                && node["target"]?.GetValue<string>() is { } target)
            {
                var arguments = node["arguments"]?.AsArray();
                invocations.Add((target, arguments is [{ } first, ..] ? first.GetValue<long>() : 0));
            }
        }

        return invocations;
    }

    [GeneratedRegex("^(critical|major)$")]
    private static partial Regex SevereEnough();

    /// <summary>Both the negotiate request and the WebSocket of <c>/hubs/warroom</c>.</summary>
    [GeneratedRegex(@"/hubs/warroom(/negotiate)?(\?|$)")]
    private static partial Regex HubUrl();
}

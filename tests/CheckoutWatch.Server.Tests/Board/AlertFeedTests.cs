using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
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
        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
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
        await using var first = await OpenLiveBoardAsync(Roles.Oncall);
        await using var second = await OpenLiveBoardAsync(Roles.Admin);
        await using var wall = await OpenLiveBoardAsync(Roles.Wall);

        var alert = await DriveIncidentAsync(merchant);
        var id = alert.GetProperty("id").GetString()!;

        // Pushed to both boards, with the figures a person needs to act.
        foreach (var board in new[] { first, second, wall })
        {
            await Expect(board.AlertCard(id)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        }

        await Expect(first.AlertField(id, "title")).ToHaveTextAsync(new Regex($"^Technical payment failures on merchant {merchant}: \\d+ %"));
        await Expect(first.AlertCard(id)).ToHaveAttributeAsync("data-severity", SevereEnough());
        await Expect(first.AlertField(id, "severity")).ToHaveTextAsync(SevereEnough());
        await Expect(first.AlertField(id, "merchant")).ToHaveTextAsync(merchant);
        await Expect(first.AlertField(id, "figures")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?\s% vs \d+(\.\d)?\s%( over .+)?$"));
        await Expect(first.AlertField(id, "revenue")).ToContainTextAsync("€");
        await Expect(first.AlertField(id, "decline-codes")).ToContainTextAsync("96");
        await Expect(first.AlertField(id, "guidance")).ToContainTextAsync("payments team");
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(new Regex(@"^open since \d\d:\d\d"));
        await Expect(first.Tile(merchant)).ToHaveAttributeAsync("data-alert", SevereEnough(), new() { Timeout = Timeout });
        await Expect(first.Field(merchant, "alert")).ToHaveTextAsync(new Regex("^(critical|major) alert$"));

        // A wall display only watches: no buttons. Who acts is whoever is signed in.
        await Expect(wall.AlertButton(id, "Acknowledge")).ToHaveCountAsync(0);
        await Expect(wall.AlertButton(id, "Resolve")).ToHaveCountAsync(0);
        await Expect(first.UserName).ToHaveTextAsync(ServerFixture.UserName(Roles.Oncall));

        var acknowledger = ServerFixture.UserName(Roles.Oncall);
        await first.AlertButton(id, "Acknowledge").ClickAsync();
        await Expect(second.AlertField(id, "status")).ToHaveTextAsync(Status("acknowledged", acknowledger), new() { Timeout = PushTimeout });
        await Expect(second.AlertCard(id)).ToHaveAttributeAsync("data-status", "acknowledged");
        await Expect(second.Field(merchant, "alert")).ToHaveTextAsync("alert acknowledged");
        await Expect(first.AlertButton(id, "Acknowledge")).ToHaveCountAsync(0);

        var resolver = ServerFixture.UserName(Roles.Admin);
        await second.AlertButton(id, "Resolve").ClickAsync();
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = PushTimeout });
        await Expect(first.AlertCard(id)).ToHaveAttributeAsync("data-mode", "compact");
        await Expect(first.Field(merchant, "alert")).ToBeHiddenAsync();
        await Expect(first.AlertCard(id)).ToHaveCountAsync(1);
        await Expect(wall.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = PushTimeout });
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Empty(wall.Errors);

        // A reload keeps the session and starts from the snapshot, resolved and dimmed.
        await first.Page.ReloadAsync();
        await Expect(first.UserName).ToHaveTextAsync(acknowledger, new() { Timeout = Timeout });
        await Expect(first.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = Timeout });
        await Expect(first.AlertCard(id)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Ack_on_one_board_shows_on_a_second_within_a_second()
    {
        await using var first = await OpenLiveBoardAsync(Roles.Oncall);
        await using var second = await OpenLiveBoardAsync(Roles.Admin);
        var id = await TestAlerts.OpenAsync(server, NewMerchant());
        await Expect(first.AlertButton(id, "Acknowledge")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Expect(second.AlertCard(id)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });

        // Timed inside the browser (both pages share its clock): the click on the first board, and
        // the moment the second board's card turns acknowledged, as a DOM mutation.
        await second.Page.EvaluateAsync("""
            id => {
              const card = () => document.querySelector(`#alert-list li[data-alert-id="${id}"]`);
              new MutationObserver((_, observer) => {
                if (card()?.dataset.status === 'acknowledged') {
                  window.cwAcknowledgedAt = Date.now();
                  observer.disconnect();
                }
              }).observe(document.getElementById('alert-list'), { subtree: true, childList: true, attributes: true });
            }
            """, id);
        var clickedAt = await first.Page.EvaluateAsync<double>("""
            id => {
              const button = document.querySelector(`#alert-list li[data-alert-id="${id}"] > .alert-card button[data-action="acknowledge"]`);
              const at = Date.now();
              button.click();
              return at;
            }
            """, id);
        await second.Page.WaitForFunctionAsync("() => window.cwAcknowledgedAt !== undefined", null, new() { Timeout = PushTimeout });
        var elapsed = await second.Page.EvaluateAsync<double>("() => window.cwAcknowledgedAt") - clickedAt;
        Assert.True(elapsed < 1000, $"The second board showed the acknowledgement {elapsed:F0} ms after the click on the first");
        await Expect(second.AlertField(id, "status")).ToHaveTextAsync(Status("acknowledged", ServerFixture.UserName(Roles.Oncall)));
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_board_that_was_away_catches_up_from_its_last_sequence_with_one_card_per_alert()
    {
        var merchant = NewMerchant();
        var alert = await DriveIncidentAsync(merchant);
        var id = alert.GetProperty("id").GetString()!;

        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
        var hub = await HubTap.AttachAsync(board.Page);

        // Opened after the incident: the first connect takes it from the snapshot.
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });
        var held = long.Parse(await board.AlertCard(id).GetAttributeAsync("data-sequence") ?? "0", CultureInfo.InvariantCulture);
        // The alert feed's calls (the outreach panel loads its own list beside them).
        Assert.Equal(new[] { "GetSnapshot" }, hub.Invocations.Select(i => i.Target).Where(t => t != "GetOutreach"));

        await hub.DropAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeout });

        // While the board is away, the alert is acknowledged and then resolved by hand.
        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var missedFrom = (await ActAsync(oncall, id, "acknowledge")).GetProperty("sequence").GetInt64();
        await ActAsync(admin, id, "resolve");
        var resolver = ServerFixture.UserName(Roles.Admin);

        hub.Restore();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver), new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveCountAsync(1);

        // It asked for what changed after what it held: not before it, and not after what it missed.
        var catchUp = hub.Invocations.Where(i => i.Target == "GetAlertsSince").Select(i => i.Argument).ToList();
        Assert.Contains(catchUp, since => since >= held && since < missedFrom);

        // A late, older version (the open one) must neither rewind the card nor add a second one.
        // A made-up alert in the same message shows when the board has handled it.
        var madeUp = JsonNode.Parse(alert.GetRawText())!;
        var madeUpId = "al-test-" + Guid.NewGuid().ToString("N")[..8];
        madeUp["id"] = madeUpId;
        madeUp["title"] = "Not an alert the node knows";
        hub.SendToPage($$"""{"type":1,"target":"AlertsChanged","arguments":[[{{alert.GetRawText()}},{{madeUp.ToJsonString()}}]]}""");
        await Expect(board.AlertCard(madeUpId)).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveCountAsync(1);
        await Expect(board.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver));

        // When the node says it pruned part of the range, the board replaces its alerts from the
        // snapshot: the made-up alert, which the node never had, goes; the real one stays, once.
        hub.TruncateNextCatchUp();
        await hub.DropAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", new() { Timeout = Timeout });
        hub.Restore();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertCard(madeUpId)).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(board.AlertCard(id)).ToHaveCountAsync(1);
        await Expect(board.AlertField(id, "status")).ToHaveTextAsync(Status("resolved", resolver));
        Assert.DoesNotContain(board.Errors, e => e.StartsWith("page error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_push_lost_on_a_live_connection_is_fetched_without_waiting_for_a_reconnect()
    {
        var incidents = await Task.WhenAll(DriveIncidentAsync(NewMerchant()), DriveIncidentAsync(NewMerchant()));
        var lostId = incidents[0].GetProperty("id").GetString()!;
        var laterId = incidents[1].GetProperty("id").GetString()!;

        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
        var hub = await HubTap.AttachAsync(board.Page);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        await Expect(board.AlertCard(lostId)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });
        await Expect(board.AlertCard(laterId)).ToHaveAttributeAsync("data-status", "open", new() { Timeout = Timeout });

        // The acknowledgement of the first alert never reaches the page; the second one's does,
        // with a higher sequence, so the board can tell that it missed something.
        hub.LosePush = message => message.Contains($"\"id\":\"{lostId}\"", StringComparison.Ordinal)
            && message.Contains("\"status\":\"acknowledged\"", StringComparison.Ordinal);
        using var client = await server.CreateUserClientAsync(Roles.Oncall);
        var acknowledger = ServerFixture.UserName(Roles.Oncall);
        await ActAsync(client, lostId, "acknowledge");
        await ActAsync(client, laterId, "acknowledge");
        await Expect(board.AlertField(laterId, "status")).ToHaveTextAsync(Status("acknowledged", acknowledger), new() { Timeout = PushTimeout });
        Assert.Equal(1, hub.Lost);

        await Expect(board.AlertField(lostId, "status")).ToHaveTextAsync(Status("acknowledged", acknowledger), new() { Timeout = Timeout });
        await Expect(board.AlertCard(lostId)).ToHaveCountAsync(1);
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        // Fetched over the same connection: one snapshot (the first connect) and a catch-up.
        var asked = hub.Invocations.Select(i => i.Target).ToList();
        Assert.Equal(1, asked.Count(t => t == "GetSnapshot"));
        Assert.Contains("GetAlertsSince", asked);
        Assert.Empty(board.Errors);
    }

    private async Task<BoardPage> OpenLiveBoardAsync(string role)
    {
        var board = await chromium.NewPageAsync(server, role);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        return board;
    }

    /// <summary>
    /// A real incident for a new merchant: on every one of the node's one-second tile pushes for
    /// it, another batch of 64 payment outcomes, half of them technical errors (decline code 96),
    /// until the hub pushes an open spike alert. Paced by the server's own ticks, not by sleeping.
    /// Returns the alert as the REST API shows it.
    /// </summary>
    private async Task<JsonElement> DriveIncidentAsync(string merchant)
    {
        await using var hub = await server.CreateHubAsync(Roles.Wall);
        var opened = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var tick = new SemaphoreSlim(0);
        hub.On<JsonElement>("AlertsChanged", alerts =>
        {
            foreach (var alert in alerts.EnumerateArray())
            {
                if (alert.GetProperty("merchantId").GetString() == merchant
                    && alert.GetProperty("kind").GetString() == "payment_failure_spike"
                    && alert.GetProperty("status").GetString() == "open"
                    && alert.GetProperty("parentId").ValueKind == JsonValueKind.Null)
                {
                    opened.TrySetResult(alert.GetProperty("id").GetString()!);
                }
            }
        });
        hub.On<JsonElement>("HealthUpdated", tiles =>
        {
            if (tiles.EnumerateArray().Any(t => t.GetProperty("merchantId").GetString() == merchant))
            {
                tick.Release();
            }
        });
        await hub.StartAsync();

        using var client = await server.CreateUserClientAsync(Roles.Wall);
        var started = DateTime.UtcNow;
        for (var batch = 0; !opened.Task.IsCompleted && DateTime.UtcNow - started < _incidentLimit; batch++)
        {
            var events = Enumerable.Range(0, 64)
                .Select(i => i % 2 == 0
                    ? Events.Payment(merchant, $"s{batch}-{i}", "payment_failed", failure: "error", declineCode: "96")
                    : Events.Payment(merchant, $"s{batch}-{i}", "payment_succeeded"))
                .ToArray();
            using (var response = await server.PostEventsAsync(Events.Array(events)))
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            // The next batch goes out when the node has counted this one (its tile push), or
            // at once when the alert opened.
            await Task.WhenAny(opened.Task, tick.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        if (!opened.Task.IsCompleted)
        {
            var answer = await client.GetStringAsync($"/api/v1/alerts?merchant={merchant}");
            throw new XunitException(
                $"No open spike alert for {merchant} after {_incidentLimit.TotalSeconds:F0} s of 50 % technical failures at ~64 attempts/s. " +
                $"GET /api/v1/alerts?merchant={merchant} answered: {answer}");
        }

        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{await opened.Task}");
    }

    private static string NewMerchant() => "alerts-" + Guid.NewGuid().ToString("N")[..8];

    private static Regex Status(string status, string by) => new($"^{status} by {Regex.Escape(by)} at \\d\\d:\\d\\d$");

    private static async Task<JsonElement> ActAsync(HttpClient client, string id, string action)
    {
        using var response = await client.PostAsync($"/api/v1/alerts/{id}/{action}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("^(critical|major)$")]
    private static partial Regex SevereEnough();
}

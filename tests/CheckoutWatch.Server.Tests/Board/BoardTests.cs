using System.Net;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>The war-room board in a real browser against the real node.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class BoardTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    // Tiles are pushed at most once a second; this leaves room for a slow CI machine.
    private static readonly LocatorAssertionsToHaveTextOptions _text = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions _attribute = new() { Timeout = 15_000 };

    [Fact]
    public async Task Posted_events_appear_as_a_live_tile_with_their_success_rate()
    {
        var merchant = NewMerchant();
        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", _attribute);
        await Expect(board.ConnectionState).ToHaveTextAsync("live");
        await Expect(board.Tile(merchant)).ToHaveCountAsync(0);

        await PostThreeSuccessesAndOneFailureAsync(merchant);

        await Expect(board.Field(merchant, "success-rate")).ToHaveTextAsync("75 %", _text);
        await Expect(board.Field(merchant, "volume")).ToHaveTextAsync("4");
        await Expect(board.Field(merchant, "failures")).ToHaveTextAsync("1");
        await Expect(board.Tile(merchant).Locator(".spark canvas")).ToHaveCountAsync(1);
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        Assert.Empty(board.Errors);
    }

    [Fact]
    public async Task A_board_opened_later_starts_from_the_snapshot()
    {
        var merchant = NewMerchant();
        await using (var first = await chromium.NewPageAsync(server, Roles.Wall))
        {
            await first.OpenAsync();
            await Expect(first.ConnectionState).ToHaveAttributeAsync("data-state", "live", _attribute);
            await PostThreeSuccessesAndOneFailureAsync(merchant);
            await Expect(first.Field(merchant, "success-rate")).ToHaveTextAsync("75 %", _text);
        }

        // No new events: the tile can only come from GetSnapshot.
        await using var later = await chromium.NewPageAsync(server, Roles.Wall);
        await later.OpenAsync();
        await Expect(later.Field(merchant, "success-rate")).ToHaveTextAsync("75 %", _text);
        await Expect(later.ConnectionState).ToHaveAttributeAsync("data-state", "live");
        Assert.Empty(later.Errors);
    }

    [Fact]
    public async Task A_board_that_cannot_reach_the_hub_says_so_and_recovers_on_its_own()
    {
        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
        var blocked = true;
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

        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "stale", _attribute);
        await Expect(board.ConnectionState).ToHaveTextAsync(ClockText(), _text);

        // Retries go on forever with backoff capped near 10 s.
        blocked = false;
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 25_000 });
        await Expect(board.ConnectionState).ToHaveTextAsync("live");
    }

    [Fact]
    public async Task A_dropped_connection_shows_reconnecting_then_stale_then_live_with_a_fresh_snapshot()
    {
        var merchant = NewMerchant();
        await using var board = await chromium.NewPageAsync(server, Roles.Wall);
        IWebSocketRoute? socket = null;
        await board.Page.RouteWebSocketAsync(HubUrl(), ws =>
        {
            socket = ws;
            ws.ConnectToServer();
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

        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", _attribute);
        Assert.NotNull(socket);

        blocked = true;
        await socket.CloseAsync(new() { Code = 1011, Reason = "test drops the connection" });
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting", _attribute);
        await Expect(board.ConnectionState).ToHaveTextAsync("reconnecting…");
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "stale", _attribute);
        await Expect(board.ConnectionState).ToHaveTextAsync(StaleSince(), _text);

        // Events that arrive while the board is away reach it through the snapshot on reconnect.
        await PostThreeSuccessesAndOneFailureAsync(merchant);
        blocked = false;
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 25_000 });
        await Expect(board.Field(merchant, "success-rate")).ToHaveTextAsync("75 %", _text);
    }

    private async Task PostThreeSuccessesAndOneFailureAsync(string merchant)
    {
        using var response = await server.PostEventsAsync(Events.Array(
            Events.Started(merchant, "s1"),
            Events.Payment(merchant, "s1", "payment_submitted"),
            Events.Payment(merchant, "s1", "payment_succeeded"),
            Events.Payment(merchant, "s2", "payment_succeeded"),
            Events.Payment(merchant, "s3", "payment_succeeded"),
            Events.Payment(merchant, "s4", "payment_failed", failure: "declined", declineCode: "51")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static string NewMerchant() => "board-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Both the negotiate request and the WebSocket of <c>/hubs/warroom</c>.</summary>
    [GeneratedRegex(@"/hubs/warroom(/negotiate)?(\?|$)")]
    private static partial Regex HubUrl();

    [GeneratedRegex(@"^(stale|no data) since \d\d:\d\d:\d\d$")]
    private static partial Regex ClockText();

    [GeneratedRegex(@"^stale since \d\d:\d\d:\d\d$")]
    private static partial Regex StaleSince();
}

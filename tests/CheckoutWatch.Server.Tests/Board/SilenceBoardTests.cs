using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>Silences made, listed and ended from the board, against a node that pages a real webhook receiver.</summary>
public sealed partial class SilenceBoardTests(OnCallServerFixture server, ChromiumBrowser chromium)
    : IClassFixture<OnCallServerFixture>, IClassFixture<ChromiumBrowser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Silence_marks_an_alert_and_suppresses_its_webhook()
    {
        var merchant = "silenced-" + Guid.NewGuid().ToString("N")[..6];
        var control = "paging-" + Guid.NewGuid().ToString("N")[..6];
        await using var board = await chromium.NewPageAsync(server, Roles.Oncall, 1400, 1000);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });

        // Made on the board: the author is whoever is signed in.
        var panel = board.Page.Locator("#silences");
        await panel.Locator("summary").ClickAsync();
        await panel.Locator("[data-field=\"silence-merchantId\"]").FillAsync(merchant);
        await panel.Locator("[data-field=\"silence-kind\"]").SelectOptionAsync("payment_failure_spike");
        await panel.Locator("[data-field=\"silence-durationMinutes\"]").FillAsync("30");
        await panel.Locator("[data-field=\"silence-reason\"]").FillAsync("PSP maintenance window");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
        var silence = panel.Locator("li[data-silence-id]").Filter(new() { HasText = merchant });
        await Expect(silence).ToHaveAttributeAsync("data-state", "active", new() { Timeout = Timeout });
        await Expect(silence.Locator("[data-field=\"silence-scope\"]")).ToHaveTextAsync($"{merchant} · payment failures · any slice");
        await Expect(silence.Locator("[data-field=\"silence-meta\"]"))
            .ToHaveTextAsync(new Regex($@"^active until \d\d:\d\d · {ServerFixture.UserName(Roles.Oncall)}: PSP maintenance window$"));
        await Expect(panel.Locator("[data-field=\"silence-error\"]")).ToBeHiddenAsync();

        var silencedId = await TestAlerts.OpenAsync(server, merchant);
        var pagingId = await TestAlerts.OpenAsync(server, control);

        // Both on the board; only the silenced one is marked.
        await Expect(board.AlertCard(silencedId)).ToHaveAttributeAsync("data-silenced", "true", new() { Timeout = Timeout });
        await Expect(board.AlertField(silencedId, "silenced")).ToHaveTextAsync(new Regex(@"^silenced until \d\d:\d\d$"));
        await Expect(board.AlertCard(pagingId)).ToHaveAttributeAsync("data-silenced", "false", new() { Timeout = Timeout });

        // The unsilenced alert pages the receiver; the silenced one, opened before it, does not.
        var receiver = server.Receiver;
        await receiver.WaitUntilAsync(_ => receiver.For(pagingId).Any(r => r.Accepted && r.Event == "trigger"));
        Assert.Empty(receiver.For(silencedId));
        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        var timeline = await oncall.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{silencedId}/timeline");
        var kinds = timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("silenced", kinds);
        Assert.DoesNotContain("notified", kinds);

        // Ended early from the board: the mark goes and the still-open alert pages now.
        await silence.GetByRole(AriaRole.Button, new() { Name = "End now" }).ClickAsync();
        await Expect(silence).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(board.AlertCard(silencedId)).ToHaveAttributeAsync("data-silenced", "false", new() { Timeout = Timeout });
        await receiver.WaitUntilAsync(_ => receiver.For(silencedId).Any(r => r.Accepted && r.Event == "trigger"));
        var listed = await oncall.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        var ended = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("merchantId").GetString() == merchant);
        Assert.Equal("ended", ended.GetProperty("state").GetString());
        Assert.Equal(ServerFixture.UserName(Roles.Oncall), ended.GetProperty("expiredBy").GetString());

        // Both who silenced and who ended it early are in the audit log.
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={ended.GetProperty("id").GetString()}");
        Assert.Equal(["silence.expire", "alert.silence"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit.GetProperty("entries").EnumerateArray(), e => Assert.Equal(ServerFixture.UserName(Roles.Oncall), e.GetProperty("actor").GetString()));
        Assert.Empty(board.Errors);
    }

    [Fact]
    public async Task A_silence_the_server_refuses_shows_the_reason_and_keeps_what_was_typed()
    {
        await using var board = await chromium.NewPageAsync(server, Roles.Admin);
        await board.OpenAsync();
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
        var panel = board.Page.Locator("#silences");
        await panel.Locator("summary").ClickAsync();
        await panel.Locator("[data-field=\"silence-merchantId\"]").FillAsync("shop-1");
        await panel.Locator("[data-field=\"silence-dimensionValue\"]").FillAsync("adyen");
        await panel.Locator("[data-field=\"silence-reason\"]").FillAsync("no slice kind given");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();

        await Expect(panel.Locator("[data-field=\"silence-error\"]")).ToHaveTextAsync("A dimension value needs its kind (e.g. psp).", new() { Timeout = Timeout });
        await Expect(panel.Locator("[data-field=\"silence-merchantId\"]")).ToHaveValueAsync("shop-1");
        await Expect(panel.Locator("li[data-silence-id]").Filter(new() { HasText = "shop-1" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wall_display_and_an_agent_get_no_silence_panel()
    {
        foreach (var role in new[] { Roles.Wall, Roles.Agent })
        {
            await using var board = await chromium.NewPageAsync(server, role);
            await board.OpenAsync();
            await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Timeout });
            await Expect(board.Page.Locator("#silences")).ToBeHiddenAsync();
            await Expect(board.Page.Locator("#silences details")).ToHaveCountAsync(0);
        }
    }
}

using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using CheckoutWatch.Server.Tests.Outreach;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>The agents' outreach panel in a real browser against the real node.</summary>
[Collection(ServerCollection.Name)]
public sealed class OutreachBoardTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Two_agents_claiming_the_same_item_one_gets_it_the_other_sees_who_has_it()
    {
        var (_, id) = await OutreachSeed.RepeatedFailuresAsync(server);
        await using var first = await chromium.NewPageAsync(server, Roles.Agent);
        await using var second = await chromium.NewPageAsync(server, Roles.Agent, userName: ServerFixture.SecondAgent);
        var boards = new[] { first, second };
        foreach (var board in boards)
        {
            await board.OpenAsync();
            await Expect(Claim(board, id)).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Expect(Item(board, id).Locator("[data-field=\"customer\"]")).ToContainTextAsync(OutreachSeed.Email);
        }

        await Task.WhenAll(boards.Select(b => Claim(b, id).ClickAsync()));

        foreach (var board in boards)
        {
            await Expect(Item(board, id).Locator("[data-field=\"claim\"]")).ToContainTextAsync("Claimed by", new() { Timeout = Timeout });
        }

        var texts = await Task.WhenAll(boards.Select(b => Item(b, id).Locator("[data-field=\"claim\"]").InnerTextAsync()));
        var winner = Array.FindIndex(texts, t => t.StartsWith("Claimed by you", StringComparison.Ordinal));
        Assert.True(winner >= 0, string.Join(" | ", texts));
        var winnerName = winner == 0 ? ServerFixture.UserName(Roles.Agent) : ServerFixture.SecondAgent;
        var loser = boards[1 - winner];
        await Expect(Item(loser, id).Locator("[data-field=\"claim\"]")).ToContainTextAsync($"Claimed by {winnerName}");
        // The loser cannot claim or record an outcome for it; the winner can.
        await Expect(Claim(loser, id)).ToHaveCountAsync(0);
        await Expect(Item(boards[winner], id).GetByRole(AriaRole.Button, new() { Name = "Save outcome" })).ToBeVisibleAsync();
        // The browser logs the loser's refused request (409) as a failed resource; nothing else may fail.
        Assert.DoesNotContain(first.Errors.Concat(second.Errors), e => !e.Contains("status of 409", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outcome_updates_saved_today_on_a_second_board()
    {
        var (_, id) = await OutreachSeed.RepeatedFailuresAsync(server, amount: 12_345);
        await using var agent = await chromium.NewPageAsync(server, Roles.Agent);
        await using var oncall = await chromium.NewPageAsync(server, Roles.Oncall);
        await oncall.OpenAsync();
        var saved = oncall.Page.Locator("#saved-today");
        await Expect(saved).ToHaveAttributeAsync("data-customers", new Regex(@"^\d+$"), new() { Timeout = Timeout });
        var before = int.Parse(await saved.GetAttributeAsync("data-customers") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        // Customer data stays on the agents' side: on-call has no outreach queue.
        await Expect(oncall.Page.Locator("#outreach")).ToBeHiddenAsync();

        await agent.OpenAsync();
        await Claim(agent, id).ClickAsync(new() { Timeout = Timeout });
        var form = Item(agent, id).Locator("form.outreach-outcome");
        await form.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync("recovered");
        await form.GetByLabel("Recovered amount").FillAsync("123.45");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();

        await Expect(Item(agent, id).Locator("[data-field=\"claim\"]")).ToContainTextAsync("Recovered", new() { Timeout = Timeout });
        await Expect(saved).ToHaveAttributeAsync("data-customers", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await Expect(saved.Locator("[data-field=\"revenue\"]")).ToContainTextAsync("123.45");
        Assert.Empty(agent.Errors.Concat(oncall.Errors));
    }

    private static ILocator Item(BoardPage board, string id) => board.Page.Locator($"#outreach-list li[data-item-id=\"{id}\"]");

    private static ILocator Claim(BoardPage board, string id) => Item(board, id).GetByRole(AriaRole.Button, new() { Name = "Claim", Exact = true });
}

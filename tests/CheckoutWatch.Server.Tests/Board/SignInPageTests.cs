using System.Text.RegularExpressions;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>The board's own sign-in flow in a real browser: redirect, form, board, sign-out.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class SignInPageTests(ServerFixture server, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_board_sends_a_visitor_to_sign_in_and_back_and_sign_out_ends_it()
    {
        await using var board = await chromium.NewPageAsync(server.BaseAddress);
        await board.OpenAsync();
        await Expect(board.Page).ToHaveURLAsync(SignInUrl(), new() { Timeout = 15_000 });

        await board.Page.Locator("#signin-name").FillAsync(ServerFixture.UserName(Roles.Oncall));
        await board.Page.Locator("#signin-password").FillAsync("not-the-password");
        await board.Page.Locator("#signin-submit").ClickAsync();
        await Expect(board.Page.Locator("#signin-error")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await board.Page.Locator("#signin-name").FillAsync(ServerFixture.UserName(Roles.Oncall));
        await board.Page.Locator("#signin-password").FillAsync(ServerFixture.Password(Roles.Oncall));
        await board.Page.Locator("#signin-submit").ClickAsync();
        await Expect(board.UserName).ToHaveTextAsync(ServerFixture.UserName(Roles.Oncall), new() { Timeout = 15_000 });
        await Expect(board.ConnectionState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

        await board.Page.Locator("#sign-out").ClickAsync();
        await Expect(board.Page).ToHaveURLAsync(SignInUrl(), new() { Timeout = 15_000 });
        await board.OpenAsync();
        await Expect(board.Page).ToHaveURLAsync(SignInUrl(), new() { Timeout = 15_000 });
        Assert.DoesNotContain(board.Errors, e => e.StartsWith("page error", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/signin\.html")]
    private static partial Regex SignInUrl();
}

using Microsoft.Playwright;

namespace CheckoutWatch.Server.Tests.Board;

/// <summary>
/// One headless Debian Chromium per test class (<c>IClassFixture&lt;ChromiumBrowser&gt;</c>), driven
/// by Playwright. Playwright's own browser download is never used: it cannot be reached here, and
/// the test script installs the distribution's <c>chromium</c> package instead.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    /// <summary>Where Debian puts Chromium; <c>CHECKOUTWATCH_CHROMIUM</c> overrides it.</summary>
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private static readonly string[] _arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched yet.");

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHECKOUTWATCH_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutablePath;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. Install it with `apt-get install -y chromium` " +
                "(the test script does this), or point CHECKOUTWATCH_CHROMIUM at a Chromium binary.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = _arguments,
        });
    }

    /// <summary>
    /// A page in a fresh context (own cookies and storage) whose relative URLs resolve against
    /// <paramref name="baseAddress"/>. Dispose the returned page to close its context.
    /// </summary>
    public async Task<BoardPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new BoardPage(context, await context.NewPageAsync());
    }

    /// <summary>
    /// A page whose browser context is already signed in to <paramref name="server"/> as the test
    /// user of <paramref name="role"/> (the session cookie of an API sign-in; the sign-in page
    /// itself is tested on its own).
    /// </summary>
    public async Task<BoardPage> NewPageAsync(Infrastructure.ServerFixture server, string role, int width = 1280, int height = 800, string? userName = null)
    {
        var page = await NewPageAsync(server.BaseAddress, width, height);
        var cookie = await server.SignInCookieAsync(role, userName);
        await page.Page.Context.AddCookiesAsync(
        [
            new Microsoft.Playwright.Cookie
            {
                Name = cookie.Name,
                Value = cookie.Value,
                Url = server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/",
                HttpOnly = true,
                SameSite = SameSiteAttribute.Strict,
            },
        ]);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

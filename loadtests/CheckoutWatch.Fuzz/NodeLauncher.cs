using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// Starts the real node (the built <c>CheckoutWatch.Server.dll</c>) on a free loopback port with
/// demo traffic off, one ingest key of the run's own with rate limits far above what the fuzzer
/// sends, and the given ingest limits. Dispose stops it.
/// </summary>
internal sealed class NodeLauncher : IAsyncDisposable
{
    private readonly Process _process;

    private NodeLauncher(Process process, Uri address, string key)
    {
        _process = process;
        Address = address;
        Key = key;
    }

    public Uri Address { get; }
    public string Key { get; }
    public bool Alive => !_process.HasExited;

    /// <summary>A wall user (plain password: the node listens on loopback only) the ledger check reads the breakdown as.</summary>
    public const string BoardUser = "fuzz-wall";

    public const string BoardPassword = "fuzz-wall-password-loopback-only";

    /// <summary>A client signed in on the node as <see cref="BoardUser"/>.</summary>
    public async Task<HttpClient> SignInBoardAsync()
    {
        var board = new HttpClient(new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        board.DefaultRequestHeaders.Add("Origin", Address.GetLeftPart(UriPartial.Authority));
        using var response = await board.PostAsync(
            "/api/v1/auth/signin",
            new StringContent($"{{\"name\":\"{BoardUser}\",\"password\":\"{BoardPassword}\"}}", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return board;
    }

    public static async Task<NodeLauncher> StartAsync(string serverDll, FuzzSettings settings, string logPath)
    {
        var port = FreePort();
        var key = "fuzz-key-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(serverDll), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Fuzz";
        env["CheckoutWatch__Demo__Enabled"] = "false";
        env["CheckoutWatch__Ingest__Keys__0__Name"] = "fuzz";
        env["CheckoutWatch__Ingest__Keys__0__Key"] = key;
        env["CheckoutWatch__Ingest__Keys__0__Merchants__0"] = "*";
        env["CheckoutWatch__Ingest__Keys__0__RequestsPerSecond"] = "1000000";
        env["CheckoutWatch__Ingest__Keys__0__Burst"] = "1000000";
        env["CheckoutWatch__Ingest__MaxBodyBytes"] = settings.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["CheckoutWatch__Ingest__MaxBatchEvents"] = settings.MaxBatchEvents.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["CheckoutWatch__Orleans__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["CheckoutWatch__Orleans__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["CheckoutWatch__Orleans__ClusterId"] = "fuzz-" + port;
        env["CheckoutWatch__Auth__Users__0__Name"] = BoardUser;
        env["CheckoutWatch__Auth__Users__0__Password"] = BoardPassword;
        env["CheckoutWatch__Auth__Users__0__Roles__0"] = "wall";
        env["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var node = new NodeLauncher(process, new Uri($"http://127.0.0.1:{port}"), key);
        using var probe = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the node exited with code {process.ExitCode}; see {logPath}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return node;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await node.DisposeAsync();
        throw new TimeoutException($"the node was not ready within 60 s; see {logPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

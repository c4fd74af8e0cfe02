using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// One CheckoutWatch node: the built server run with <c>dotnet CheckoutWatch.Server.dll</c> in
/// cluster mode on its own loopback HTTP, silo and gateway ports (as loadtests/scripts/node.sh
/// starts one), logging to a file the assertions quote when something fails.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeProcess(string name, Process process, StreamWriter log, string logPath, NodePorts ports)
    {
        Ports = ports;
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = new Uri($"http://127.0.0.1:{ports.Http}");
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>Its HTTP, silo and gateway ports; a node restarted on the same ones is the same silo address, a new generation.</summary>
    public NodePorts Ports { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static NodeProcess Start(string name, IReadOnlyDictionary<string, string> settings, string logDir, NodePorts? ports = null)
    {
        var dll = ServerBuild.Dll;
        var (httpPort, siloPort, gatewayPort) = ports ?? new NodePorts(FreePort.Next(), FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // A home of its own, as on separate machines: nothing (a key ring, say) is shared through the disk.
        var home = Directory.CreateDirectory(Path.Combine(logDir, name + "-home")).FullName;
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["CheckoutWatch__Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["CheckoutWatch__Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logPath = Path.Combine(logDir, $"{name}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(name, process, log, logPath, new NodePorts(httpPort, siloPort, gatewayPort));
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode}. Log:\n{Tail()}");
            }

            if (await IsReadyAsync(http))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Node {Name} not ready after {limit.TotalSeconds:F0} s. Log:\n{Tail()}");
    }

    public static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the node dies at once, with no chance to hand anything over.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}

/// <summary>A node's loopback ports.</summary>
public sealed record NodePorts(int Http, int Silo, int Gateway);

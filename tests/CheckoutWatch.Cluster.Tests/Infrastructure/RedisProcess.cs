using System.Diagnostics;
using StackExchange.Redis;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> (Debian's, installed by scripts/test.sh) on a free loopback port,
/// with its data in a temporary folder and the append-only file on, so a restart keeps the data.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cw-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts it (again: same port, same folder, so the data is back).</summary>
    public async Task StartAsync()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _dir, "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--logfile", Path.Combine(_dir, "redis.log") },
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        using var probe = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { ConnectionString }, AbortOnConnectFail = false, ConnectTimeout = 500 });
        for (var i = 0; i < 100 && !probe.IsConnected; i++)
        {
            await Task.Delay(50);
        }

        if (!probe.IsConnected)
        {
            throw new InvalidOperationException($"redis-server on {ConnectionString} does not answer; see {_dir}/redis.log");
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops it: Redis writes its data and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Signals.Terminate(process.Id);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

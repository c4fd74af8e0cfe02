using System.Globalization;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// What the harness can read about the node process from outside: resident memory and CPU time
/// from <c>/proc/&lt;pid&gt;/</c> (Linux). Everything answers null when the pid is unknown or gone.
/// </summary>
public sealed class NodeProcess(int? pid)
{
    public int? Pid { get; } = pid;

    public bool Known => Pid is not null && File.Exists($"/proc/{Pid}/status");

    /// <summary>VmRSS: resident set size in bytes.</summary>
    public long? RssBytes() => StatusKb("VmRSS:");

    /// <summary>VmHWM: the peak resident set size so far, in bytes.</summary>
    public long? PeakRssBytes() => StatusKb("VmHWM:");

    /// <summary>User plus system CPU time in seconds (utime + stime of /proc/&lt;pid&gt;/stat, at 100 ticks/s).</summary>
    public double? CpuSeconds()
    {
        try
        {
            if (Pid is null)
            {
                return null;
            }

            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            // The command name is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Waits <paramref name="settle"/> and then reads VmRSS (memory settles a little after load stops).</summary>
    public async Task<long?> SettledRssAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        if (!Known)
        {
            return null;
        }

        await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
        return RssBytes();
    }

    public static string Mb(long? bytes) => bytes is { } b ? (b / (1024.0 * 1024)).ToString("#,0.0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private long? StatusKb(string key)
    {
        try
        {
            if (Pid is null)
            {
                return null;
            }

            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var number = line[key.Length..].Trim().Split(' ')[0];
                    return long.Parse(number, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            // The node went away: no figure.
        }

        return null;
    }
}

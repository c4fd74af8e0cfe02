using System.Runtime.InteropServices;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>Where the figures were measured; numbers without the machine mean little.</summary>
public sealed record MachineInfo(string Host, int Cores, string Os, string Runtime, long MemoryBytes, bool ServerGc, double? LoadAverageAtStart)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        System.Runtime.GCSettings.IsServerGC,
        LoadAverage());

    /// <summary>True when other work kept the cores busy as the run began: figures are then noisy.</summary>
    public bool Busy => LoadAverageAtStart > Cores;

    /// <summary>The one-minute load average from /proc/loadavg (Linux), or null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is not null && double.TryParse(text.Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"{Cores} cores, {MemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB, {Os}, {Runtime}, {(ServerGc ? "server" : "workstation")} GC"
        + (LoadAverageAtStart is { } load ? $", load average {load:0.##} at start" : "");
}

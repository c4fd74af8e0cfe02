using System.Diagnostics;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>POSIX signals for the processes the tests start (Process.Kill only sends SIGKILL).</summary>
internal static class Signals
{
    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

using System.Diagnostics;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// After the last request is launched: wait for the ones in flight, at most one request timeout,
/// then cancel the rest (they count as errors) so that every run ends by itself.
/// </summary>
internal static class RunDrain
{
    public static async Task WaitAsync(RunStats stats, TimeSpan requestTimeout, CancellationTokenSource requests)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = requestTimeout + TimeSpan.FromSeconds(1);
        while (stats.InFlight > 0 && Stopwatch.GetElapsedTime(started) < limit && !requests.IsCancellationRequested)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }

        if (stats.InFlight == 0)
        {
            return;
        }

        await requests.CancelAsync().ConfigureAwait(false);
        var cancelled = Stopwatch.GetTimestamp();
        while (stats.InFlight > 0 && Stopwatch.GetElapsedTime(cancelled) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }
}

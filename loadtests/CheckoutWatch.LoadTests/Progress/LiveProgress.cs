using CheckoutWatch.LoadTests.Load;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Progress;

/// <summary>Shows progress in a Spectre.Console live table that redraws once a second.</summary>
public sealed class LiveProgress(LiveDisplayContext context) : IProgressSink
{
    public void Report(ProgressSnapshot snapshot)
    {
        context.UpdateTarget(ProgressView.Table(snapshot, snapshot.Run));
        context.Refresh();
    }
}

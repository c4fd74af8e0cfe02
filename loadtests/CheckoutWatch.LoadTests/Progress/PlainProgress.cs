using CheckoutWatch.LoadTests.Load;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Progress;

/// <summary>One progress line a second, for redirected output and CI logs where a live table would be noise.</summary>
public sealed class PlainProgress : IProgressSink
{
    public void Report(ProgressSnapshot snapshot) => AnsiConsole.WriteLine(ProgressView.Line(snapshot));
}

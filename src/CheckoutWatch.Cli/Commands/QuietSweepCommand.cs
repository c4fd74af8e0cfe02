using System.Diagnostics;
using System.Globalization;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Cli.Commands;

/// <summary>checkoutwatch quiet-sweep: false alarms of the detectors on quiet low-volume traffic.</summary>
internal static class QuietSweepCommand
{
    public static int Run(CommandArgs args)
    {
        var hours = args.Get("merchant-hours", 1_000);
        var minRate = args.Get("min-rate", 0.3);
        var maxRate = args.Get("max-rate", 1.0);
        if (hours < 1 || minRate <= 0 || maxRate < minRate)
        {
            Console.Error.WriteLine("--merchant-hours must be at least 1 and 0 < --min-rate <= --max-rate");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var sweep = new QuietStartsSweep(args.Get("seed", 1), minRate, maxRate);
        var knowledge = KnowledgeBase.LoadDefault();
        var alerts = new string[hours][];
        Parallel.For(0, hours, i => alerts[i] = [.. sweep.RunMerchantHour(i, knowledge, DetectionOptions.Default)]);
        var all = alerts.SelectMany(a => a).ToList();
        all.ForEach(Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hours} merchant-hours of quiet starts at {minRate}-{maxRate}/s: {all.Count} alerts (all false) in {clock.Elapsed.TotalSeconds:F0} s"));
        return all.Count == 0 ? 0 : 1;
    }
}

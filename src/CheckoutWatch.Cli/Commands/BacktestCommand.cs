using System.Text.Json;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Cli.Commands;

/// <summary>checkoutwatch backtest: replays a log in event time, prints the alerts, draws their curves.</summary>
internal static class BacktestCommand
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static int Run(CommandArgs args)
    {
        try
        {
            return Backtest(args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            Console.Error.WriteLine($"backtest failed: {e.Message}");
            return 1;
        }
    }

    private static int Backtest(CommandArgs args)
    {
        if (args.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: checkoutwatch backtest <events.ndjson> [--out <dir>] [--options <options.json>] [--knowledge <overrides.json>]");
            return 2;
        }

        var options = DetectionOptions.Default;
        if (args.Get("options") is { } optionsPath)
        {
            options = JsonSerializer.Deserialize<DetectionOptions>(File.ReadAllText(optionsPath), _json) ?? options;
        }

        var knowledge = KnowledgeBase.LoadDefault();
        if (args.Get("knowledge") is { } knowledgePath)
        {
            using var overrides = File.OpenRead(knowledgePath);
            knowledge = knowledge.Merge(KnowledgeBase.Load(overrides));
        }

        using var reader = new StreamReader(args.Positional[0]);
        var (events, skipped) = EventLogReader.Read(reader);
        var result = new BacktestRunner(options, knowledge, SessionTimeouts.Default).Run(events);

        Console.WriteLine($"{result.Events} events ({result.Duplicates} duplicates, {skipped} unreadable lines skipped), "
            + $"{result.From:yyyy-MM-dd HH:mm:ss} to {result.To:HH:mm:ss} UTC");
        var findings = result.Findings.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key.ToAlertKind().ToWire()}").ToList();
        Console.WriteLine($"session findings: {(findings.Count == 0 ? "none" : string.Join(", ", findings))}");
        Console.WriteLine();
        AlertTable.Print(Console.Out, result.Alerts);

        var outDir = args.Get("out", "backtest-out");
        Directory.CreateDirectory(outDir);
        var charts = 0;
        foreach (var (alert, index) in result.Alerts.Select((a, i) => (a, i)))
        {
            if (alert.Alert.Kind == AlertKind.StuckSessions) continue;
            if (!result.Curves.TryGetValue(BacktestResult.CurveKey(alert.Alert), out var curve)) continue;
            var file = Path.Combine(outDir, FileName(alert.Alert, index));
            File.WriteAllText(file, SvgChart.Render(alert, curve, result.To));
            charts++;
        }

        Console.WriteLine();
        Console.WriteLine($"{charts} chart(s) written to {Path.GetFullPath(outDir)}");
        return 0;
    }

    private static string FileName(DetectedAlert alert, int index)
    {
        var name = $"{index + 1:00}-{alert.MerchantId}-{alert.Kind.ToWire()}-{alert.Dimension.Kind.ToWire()}-{alert.Dimension.Value}";
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name + ".svg";
    }
}

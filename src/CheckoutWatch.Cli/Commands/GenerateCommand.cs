namespace CheckoutWatch.Cli.Commands;

/// <summary>checkoutwatch generate: a synthetic NDJSON log with injected incidents.</summary>
internal static class GenerateCommand
{
    public static int Run(CommandArgs args)
    {
        var path = args.Get("out", "events.ndjson");
        var incident = args.Get("incident", "all");
        if (!SyntheticLog.IncidentKinds.Contains(incident))
        {
            Console.Error.WriteLine($"--incident must be one of {string.Join(", ", SyntheticLog.IncidentKinds)}");
            return 2;
        }

        var log = new SyntheticLog(args.Get("seed", 1), Math.Max(1, args.Get("merchants", 3)), Math.Max(4, args.Get("minutes", 30)),
            args.Get("rate", 10.0), incident);
        var events = log.Generate();
        using (var writer = new EventLogWriter(File.Create(path)))
        {
            foreach (var evt in events) writer.Write(evt);
        }

        Console.WriteLine($"wrote {events.Count} events to {path}; incident '{incident}' from {log.IncidentStart:HH:mm:ss} to {log.IncidentEnd:HH:mm:ss} UTC");
        return 0;
    }
}

using CheckoutWatch.Cli.Commands;

// checkoutwatch: operator commands around the detection library.
//   backtest <events.ndjson> [--out dir] [--options options.json]
//   hash-password   (password on stdin; prints a PasswordHash for CheckoutWatch:Auth:Users)
//   quiet-sweep [--merchant-hours n] [--seed n] [--min-rate r] [--max-rate r]
//   generate [--out events.ndjson] [--seed n] [--merchants n] [--minutes n] [--rate n] [--incident psp|traffic|stuck|all|none]
return args.FirstOrDefault() switch
{
    "backtest" => BacktestCommand.Run(CommandArgs.Parse(args.AsSpan(1))),
    "generate" => GenerateCommand.Run(CommandArgs.Parse(args.AsSpan(1))),
    "hash-password" => HashPasswordCommand.Run(),
    "quiet-sweep" => QuietSweepCommand.Run(CommandArgs.Parse(args.AsSpan(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          checkoutwatch backtest <events.ndjson> [--out <dir>] [--options <options.json>]
              Replays an event log in event time and prints the alerts it would have raised;
              writes one SVG chart per alerted stream into --out (default: backtest-out).
          checkoutwatch generate [--out <events.ndjson>] [--seed <n>] [--merchants <n>] [--minutes <n>]
                                 [--rate <checkouts/s>] [--incident psp|traffic|stuck|all|none]
              Writes a synthetic NDJSON log with injected incidents (default: all) for the backtest.
          checkoutwatch quiet-sweep [--merchant-hours <n>] [--seed <n>] [--min-rate <starts/s>] [--max-rate <starts/s>]
              Runs the detectors over quiet low-volume starts (default 1,000 merchant-hours at 0.3-1/s, ramps,
              jitter) and prints every alert: all are false alarms. Exit code 1 if there was any.
          checkoutwatch hash-password < password.txt
              Prints the PBKDF2 hash of the password on standard input, for CheckoutWatch:Auth:Users:N:PasswordHash.
        """);
    return 2;
}

using CheckoutWatch.Cli.Commands;

// checkoutwatch: operator commands around the detection library.
//   backtest <events.ndjson> [--out dir] [--options options.json]
//   hash-password   (password on stdin; prints a PasswordHash for CheckoutWatch:Auth:Users)
//   generate [--out events.ndjson] [--seed n] [--merchants n] [--minutes n] [--rate n] [--incident psp|traffic|stuck|all|none]
return args.FirstOrDefault() switch
{
    "backtest" => BacktestCommand.Run(CommandArgs.Parse(args.AsSpan(1))),
    "generate" => GenerateCommand.Run(CommandArgs.Parse(args.AsSpan(1))),
    "hash-password" => HashPasswordCommand.Run(),
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
          checkoutwatch hash-password < password.txt
              Prints the PBKDF2 hash of the password on standard input, for CheckoutWatch:Auth:Users:N:PasswordHash.
        """);
    return 2;
}

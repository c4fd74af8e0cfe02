using BenchmarkDotNet.Running;
using CheckoutWatch.Benchmarks;

// BenchmarkSwitcher takes the usual arguments: --filter '*', --job short|dry|medium, --list flat ...
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

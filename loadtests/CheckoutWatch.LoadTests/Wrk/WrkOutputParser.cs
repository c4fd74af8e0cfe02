using System.Globalization;
using System.Text.RegularExpressions;

namespace CheckoutWatch.LoadTests.Wrk;

/// <summary>Reads wrk 4.x output (run with <c>--latency</c>).</summary>
public static partial class WrkOutputParser
{
    public static WrkResult? TryParse(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success)
        {
            return null;
        }

        var latency = LatencyLine().Match(output);
        var requests = RequestCount().Match(output);
        var percentiles = new Dictionary<double, double>();
        foreach (Match m in PercentileLine().Matches(output))
        {
            percentiles[double.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture)] = ToMs(m.Groups["v"].Value, m.Groups["u"].Value);
        }

        var non2xx = Non2xx().Match(output);
        var socket = SocketErrors().Match(output);
        var socketErrors = socket.Success
            ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;

        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            latency.Success ? ToMs(latency.Groups["avg"].Value, latency.Groups["au"].Value) : 0,
            latency.Success ? ToMs(latency.Groups["max"].Value, latency.Groups["mu"].Value) : 0,
            percentiles,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors,
            output);
    }

    private static double ToMs(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => v / 1000,
            "ms" => v,
            "s" => v * 1000,
            "m" => v * 60_000,
            "h" => v * 3_600_000,
            _ => v,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*Latency\s+(?<avg>[\d.]+)(?<au>us|ms|s|m|h)\s+[\d.]+\w+\s+(?<max>[\d.]+)(?<mu>us|ms|s|m|h)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"^\s*(?<p>\d+(?:\.\d+)?)%\s+(?<v>[\d.]+)(?<u>us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentileLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

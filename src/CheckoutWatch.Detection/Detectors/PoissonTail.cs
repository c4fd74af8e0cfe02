namespace CheckoutWatch.Detection.Detectors;

/// <summary>Exact Poisson tail probabilities, in logs so that tiny tails stay representable.</summary>
public static class PoissonTail
{
    /// <summary>ln P(X ≤ k) for X ~ Poisson(λ); summed from the largest term down, O(k).</summary>
    public static double LogLowerTail(long k, double lambda)
    {
        if (k < 0) return double.NegativeInfinity;
        if (lambda <= 0) return 0;
        // ln of the k-th term, then the others relative to it: term(j-1) = term(j) · j / λ.
        var logTerm = LogProbability(k, lambda);
        double sum = 1, ratio = 1;
        for (var j = k; j > 0; j--)
        {
            ratio *= j / lambda;
            sum += ratio;
            if (ratio < 1e-17 * sum) break;
        }

        return Math.Min(0, logTerm + Math.Log(sum));
    }

    /// <summary>ln P(X = k) for X ~ Poisson(λ).</summary>
    public static double LogProbability(long k, double lambda)
    {
        if (k < 0) return double.NegativeInfinity;
        if (lambda <= 0) return k == 0 ? 0 : double.NegativeInfinity;
        return -lambda + k * Math.Log(lambda) - LogFactorial(k);
    }

    private static double LogFactorial(long n)
    {
        if (n < 2) return 0;
        if (n < 64)
        {
            double sum = 0;
            for (var i = 2; i <= n; i++) sum += Math.Log(i);
            return sum;
        }

        // Stirling with two correction terms: error below 1e-10 from n = 64.
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}

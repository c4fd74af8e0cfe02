namespace CheckoutWatch.LoadTests.Generator;

/// <summary>Picks one of a fixed set of values with fixed relative weights (a cumulative table).</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public WeightedChoice(params (T Value, double Weight)[] choices)
    {
        ArgumentOutOfRangeException.ThrowIfZero(choices.Length);
        _values = [.. choices.Select(c => c.Value)];
        _cumulative = new double[choices.Length];
        var total = choices.Sum(c => c.Weight);
        var running = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            running += choices[i].Weight / total;
            _cumulative[i] = running;
        }

        _cumulative[^1] = 1.0;
    }

    public T Pick(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (u < _cumulative[i])
            {
                return _values[i];
            }
        }

        return _values[^1];
    }
}

namespace CheckoutWatch.Ingest;

/// <summary>
/// Parses RFC 3339 <c>date-time</c> (<c>2025-01-31T12:00:00.123Z</c>, <c>…+02:00</c>) from UTF-8,
/// without allocating. Strict: the offset is required, <c>T</c>/<c>Z</c> may be lower case, a
/// space separator is not accepted. Fraction digits past the 7th (100 ns) are truncated. Leap
/// seconds (<c>:60</c>) and offsets beyond ±14:00 cannot be represented by
/// <see cref="DateTimeOffset"/> and are refused.
/// </summary>
internal static class Rfc3339
{
    public static Rfc3339Status TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19
            || !TryDigits(text[..4], out var year) || text[4] != '-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryDigits(text.Slice(8, 2), out var day)
            || text[10] is not ((byte)'T' or (byte)'t')
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return Rfc3339Status.Invalid;
        }

        var position = 19;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            var start = position;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (position < text.Length && char.IsAsciiDigit((char)text[position]))
            {
                fractionTicks += (text[position] - '0') * scale;
                scale /= 10;
                position++;
            }

            if (position == start)
            {
                return Rfc3339Status.Invalid;
            }
        }

        if (position == text.Length)
        {
            return Rfc3339Status.MissingOffset;
        }

        TimeSpan offset;
        if (text[position] is (byte)'Z' or (byte)'z')
        {
            offset = TimeSpan.Zero;
            position++;
        }
        else if (text[position] is (byte)'+' or (byte)'-')
        {
            if (text.Length - position != 6
                || !TryDigits(text.Slice(position + 1, 2), out var offsetHours) || text[position + 3] != ':'
                || !TryDigits(text.Slice(position + 4, 2), out var offsetMinutes)
                || offsetHours > 23 || offsetMinutes > 59)
            {
                return Rfc3339Status.Invalid;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[position] == '-')
            {
                offset = offset.Negate();
            }

            position += 6;
            if (offset.Duration() > TimeSpan.FromHours(14))
            {
                return Rfc3339Status.OffsetOutOfRange;
            }
        }
        else
        {
            return Rfc3339Status.Invalid;
        }

        if (position != text.Length
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return Rfc3339Status.Invalid;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return Rfc3339Status.Invalid;
        }

        value = new DateTimeOffset(localTicks, offset);
        return Rfc3339Status.Ok;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}

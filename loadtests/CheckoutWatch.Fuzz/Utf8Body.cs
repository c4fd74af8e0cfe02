using System.Text;

namespace CheckoutWatch.Fuzz;

/// <summary>Encodes a body to UTF-8 and replaces each <see cref="EventDraft.InvalidUtf8Marker"/> with invalid bytes.</summary>
internal static class Utf8Body
{
    private static readonly byte[] _marker = Encoding.UTF8.GetBytes(EventDraft.InvalidUtf8Marker.ToString());
    private static readonly byte[][] _invalid = [[0xFF], [0xC3, 0x28], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    public static byte[] Encode(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (text.IndexOf(EventDraft.InvalidUtf8Marker) < 0)
        {
            return bytes;
        }

        var output = new List<byte>(bytes.Length + 8);
        var span = bytes.AsSpan();
        while (true)
        {
            var at = span.IndexOf(_marker);
            if (at < 0)
            {
                output.AddRange(span);
                return [.. output];
            }

            output.AddRange(span[..at]);
            output.AddRange(_invalid[random.Next(_invalid.Length)]);
            span = span[(at + _marker.Length)..];
        }
    }
}

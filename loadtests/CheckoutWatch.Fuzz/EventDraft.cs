using System.Text;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// One event as an ordered list of properties with raw JSON values, so a generator can write it
/// valid or break exactly one thing about it.
/// </summary>
internal sealed class EventDraft(string merchantId, string sessionId, string eventId, string type)
{
    // A private-use character that valid text never contains; rendering turns it into invalid UTF-8.
    public const char InvalidUtf8Marker = '\uE000';

    public string MerchantId { get; } = merchantId;
    public string SessionId { get; } = sessionId;
    public string EventId { get; } = eventId;
    public string Type { get; set; } = type;
    public List<KeyValuePair<string, string>> Properties { get; } = [];

    public EventDraft Set(string name, string rawJson)
    {
        Remove(name);
        Properties.Add(new(name, rawJson));
        return this;
    }

    public EventDraft Add(string name, string rawJson)
    {
        Properties.Add(new(name, rawJson));
        return this;
    }

    public EventDraft Remove(string name)
    {
        Properties.RemoveAll(p => p.Key == name);
        return this;
    }

    public bool Has(string name) => Properties.Exists(p => p.Key == name);

    public EventDraft Clone()
    {
        var copy = new EventDraft(MerchantId, SessionId, EventId, Type);
        copy.Properties.AddRange(Properties);
        return copy;
    }

    /// <summary>The object on one line, properties in a seeded order with seeded white space.</summary>
    public string Render(Random random)
    {
        var order = Properties.ToArray();
        if (random.Next(3) == 0)
        {
            random.Shuffle(order);
        }

        var space = random.Next(4) == 0 ? " " : "";
        var text = new StringBuilder("{");
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0) text.Append(',').Append(space);
            // A name that starts with a quote is raw JSON (to send escaped names as they are).
            var name = order[i].Key;
            text.Append(name.StartsWith('"') ? name : JsonText.Quote(name)).Append(':').Append(space).Append(order[i].Value);
        }

        return text.Append('}').ToString();
    }
}

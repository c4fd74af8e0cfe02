using System.Text.Json;

namespace CheckoutWatch.Ingest;

/// <summary>Property names, duplicates, skipping and depth.</summary>
internal sealed partial class EventReader
{
    /// <summary>The property name, unescaped, as UTF-8; empty when it cannot be a known name.</summary>
    private ReadOnlySpan<byte> NameOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > _scratch.Length)
        {
            return [];
        }

        try
        {
            return _scratch.AsSpan(0, reader.CopyString(_scratch));
        }
        catch (InvalidOperationException)
        {
            // Not decodable: NoteUnknownName reports it.
            return [];
        }
    }

    /// <summary>Records an unknown property name for the duplicate check; returns the path to report it under.</summary>
    private string NoteUnknownName(ref Utf8JsonReader reader, HashSet<string> seen, string prefix)
    {
        if (_propertyCount > _limits.MaxPropertiesPerEvent)
        {
            // Already rejected: remembering more names would only cost memory.
            return prefix.Length == 0 ? "$" : prefix.TrimEnd('.');
        }

        string name;
        try
        {
            name = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var path = prefix.Length == 0 ? "$" : prefix.TrimEnd('.');
            AddError(path, ValidationCodes.InvalidEncoding, "has a property name that is not valid UTF-8 or escapes a lone surrogate");
            return path;
        }

        var echoed = prefix + (name.Length <= MaxEchoedNameChars ? name : name[..MaxEchoedNameChars] + "…");
        if (!seen.Add(name))
        {
            AddError(echoed, ValidationCodes.DuplicateProperty, "appears more than once in the object");
        }

        return echoed;
    }

    private void WrongType(ref Utf8JsonReader reader, string name, string expected)
    {
        AddError(name, ValidationCodes.WrongType, $"must be {expected}, not {Describe(reader.TokenType)}");
        SkipValue(ref reader, name);
    }

    /// <summary>
    /// Moves past the current value. Nesting is allowed down to the level of the customer
    /// object's properties (two levels below the event): any object or array deeper than that
    /// rejects the item, so hostile nesting cannot hide in ignored properties.
    /// </summary>
    private void SkipValue(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var startDepth = reader.CurrentDepth;
        if (startDepth - _itemDepth >= 2)
        {
            ReportTooDeep(name);
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth - _itemDepth >= 2:
                    ReportTooDeep(name);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == startDepth:
                    return;
                case JsonTokenType.PropertyName:
                    CountProperty();
                    break;
            }
        }
    }

    /// <summary>Counts one property name of the item; the first one past the limit rejects it.</summary>
    private void CountProperty()
    {
        if (++_propertyCount == _limits.MaxPropertiesPerEvent + 1)
        {
            AddError("$", ValidationCodes.TooManyProperties, $"has more than {_limits.MaxPropertiesPerEvent} properties");
        }
    }

    private void ReportTooDeep(string name)
    {
        if (!_tooDeepReported)
        {
            _tooDeepReported = true;
            AddError(name, ValidationCodes.TooDeep, "nests objects or arrays deeper than the customer object's properties");
        }
    }

    private void AddError(string field, string code, string message)
    {
        if (_errors.Count < MaxErrorsPerItem)
        {
            _errors.Add(new ValidationError(field, code, message));
        }
    }

    private static void Forget(ref HashSet<string>? names)
    {
        if (names is { Count: > MaxRetainedUnknownNames })
        {
            names = null;
        }
        else
        {
            names?.Clear();
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

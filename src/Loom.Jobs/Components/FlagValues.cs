using System.Globalization;

namespace Loom.Jobs.Components;

/// <summary>Converts flag text to parameter values.</summary>
internal static class FlagValues
{
    public static bool IsMap(Type type) => type.IsAssignableFrom(typeof(Dictionary<string, string>)) && type != typeof(object);

    public static bool IsBool(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);

    /// <summary>Parses the text, or returns an explanation of what was expected.</summary>
    public static bool TryParse(string text, Type type, out object? value, out string expected)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var inv = CultureInfo.InvariantCulture;
        expected = "";
        value = null;
        if (t == typeof(string))
        {
            value = text;
            return true;
        }

        if (t == typeof(int))
        {
            expected = "a whole number";
            var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var i);
            value = i;
            return ok;
        }

        if (t == typeof(long))
        {
            expected = "a whole number";
            var ok = long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var l);
            value = l;
            return ok;
        }

        if (t == typeof(double))
        {
            expected = "a number";
            var ok = double.TryParse(text, NumberStyles.Float, inv, out var d);
            value = d;
            return ok;
        }

        if (t == typeof(bool))
        {
            expected = "true or false";
            var ok = bool.TryParse(text, out var b);
            value = b;
            return ok;
        }

        if (t.IsEnum)
        {
            expected = "one of " + string.Join(", ", Enum.GetNames(t));
            var ok = Enum.TryParse(t, text, ignoreCase: true, out var e) && !text.Any(char.IsDigit);
            value = e;
            return ok;
        }

        if (t == typeof(string[]))
        {
            value = text.Length == 0 ? Array.Empty<string>() : text.Split(',');
            return true;
        }

        if (IsMap(t))
        {
            expected = "KEY=VALUE pairs separated by commas";
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    return false;
                }

                map[pair[..eq]] = pair[(eq + 1)..];
            }

            value = map;
            return true;
        }

        expected = $"a value of a type components cannot take ({t.Name})";
        return false;
    }
}

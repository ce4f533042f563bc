using System.Globalization;
using System.Text;

namespace Loom.Jobs.Slurm.Script;

/// <summary>
/// Quotes text as one bash word. The text may hold references to the script's shell variables, made with
/// <see cref="Variable"/>: they are expanded (<c>"${NAME}"</c>) while everything else is taken literally.
/// </summary>
internal static class ShellWord
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    /// <summary>A reference to a shell variable, to embed in text given to <see cref="Quote"/>.</summary>
    public static string Variable(string name) => $"{Open}{name}{Close}";

    /// <summary>The text as one bash word: safe text as is, other text in single quotes (or <c>$'…'</c> when it holds control characters), variables in double quotes.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "''";
        }

        var sb = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i);
            var close = open < 0 ? -1 : text.IndexOf(Close, open);
            if (open < 0 || close < 0)
            {
                AppendLiteral(sb, text[i..]);
                break;
            }

            AppendLiteral(sb, text[i..open]);
            sb.Append("\"${").Append(text, open + 1, close - open - 1).Append("}\"");
            i = close + 1;
        }

        return sb.ToString();
    }

    private static void AppendLiteral(StringBuilder sb, string literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        if (literal.All(IsSafe))
        {
            sb.Append(literal);
            return;
        }

        if (literal.Any(char.IsControl))
        {
            AppendAnsiC(sb, literal);
            return;
        }

        sb.Append('\'').Append(literal.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
    }

    /// <summary>
    /// Bash's ANSI-C quoting, <c>$'…'</c>, for text with control characters: written raw they would break the
    /// script's lines (sbatch refuses a script with a carriage return). Other control characters become the
    /// <c>\xHH</c> bytes of their UTF-8 encoding.
    /// </summary>
    private static void AppendAnsiC(StringBuilder sb, string literal)
    {
        sb.Append("$'");
        foreach (var c in literal)
        {
            switch (c)
            {
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\'':
                    sb.Append("\\'");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x80 && char.IsControl(c))
                    {
                        Hex(sb, c);
                    }
                    else if (char.IsControl(c))
                    {
                        // U+0080..U+009F: two bytes in UTF-8, 0xC2 and the code point itself.
                        Hex(sb, 0xC2);
                        Hex(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('\'');
    }

    private static void Hex(StringBuilder sb, int b) => sb.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or ':' or '=' or '@' or '+' or '%';
}

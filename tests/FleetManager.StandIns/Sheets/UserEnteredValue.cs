using System.Globalization;

namespace FleetManager.StandIns.Sheets;

/// <summary>
/// What Sheets displays for text written with <c>valueInputOption=USER_ENTERED</c>, as if typed into the cell:
/// a leading <c>'</c> marks text (and is not shown), numbers are stored as numbers (<c>0049</c> shows <c>49</c>),
/// and text beginning with <c>=</c>, <c>+</c> or <c>-</c> that is not a plain number is a formula. The stand-in
/// evaluates arithmetic on numbers; any other formula shows <c>#ERROR!</c> — never the text that was sent, so a
/// client that lets mail reach the sheet as a formula fails its tests. <c>RAW</c> stores text as it is.
/// </summary>
public static class UserEnteredValue
{
    public static string Display(string typed)
    {
        if (typed.StartsWith('\''))
        {
            return typed[1..];
        }

        if (decimal.TryParse(typed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Show(number);
        }

        if (typed.Length > 0 && typed[0] is '=' or '+' or '-')
        {
            var formula = new Arithmetic(typed[0] == '=' ? typed[1..] : typed);
            return formula.TryEvaluate(out var result) ? Show(result) : "#ERROR!";
        }

        return typed;
    }

    private static string Show(decimal number) => number.ToString("G29", CultureInfo.InvariantCulture);

    /// <summary>Numbers, + - * / and parentheses: enough to show that a formula was evaluated.</summary>
    private sealed class Arithmetic(string text)
    {
        private int _at;

        public bool TryEvaluate(out decimal result)
        {
            try
            {
                result = Sum();
                Skip();
                return _at == text.Length;
            }
            catch (Exception exception) when (exception is FormatException or DivideByZeroException or OverflowException)
            {
                result = 0;
                return false;
            }
        }

        private decimal Sum()
        {
            var value = Product();
            while (Next('+') || Next('-'))
            {
                value = text[_at - 1] == '+' ? value + Product() : value - Product();
            }

            return value;
        }

        private decimal Product()
        {
            var value = Factor();
            while (Next('*') || Next('/'))
            {
                value = text[_at - 1] == '*' ? value * Factor() : value / Factor();
            }

            return value;
        }

        private decimal Factor()
        {
            if (Next('-'))
            {
                return -Factor();
            }

            if (Next('+'))
            {
                return Factor();
            }

            if (Next('('))
            {
                var inner = Sum();
                return Next(')') ? inner : throw new FormatException("unclosed parenthesis");
            }

            Skip();
            var start = _at;
            while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
            {
                _at++;
            }

            return decimal.Parse(text.AsSpan(start, _at - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        private bool Next(char c)
        {
            Skip();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Skip()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}

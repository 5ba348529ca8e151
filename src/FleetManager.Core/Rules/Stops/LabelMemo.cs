namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Remembers the answers of a pure function of a short text (a label, a label word, a country piece)
/// on the current thread. Stop labels come from a small vocabulary that every message repeats
/// ("Beladestelle", "Ladetermin", "Delivery date"), so they are folded and split once rather than at
/// every line of every message. Bounded: the memo starts afresh when it holds <see cref="Capacity"/> texts.
/// </summary>
internal sealed class LabelMemo<T>
{
    private const int Capacity = 8192;

    /// <summary>Longer texts are rare repeats (prose lines, whole cells) and are not remembered.</summary>
    private const int MaxKeyLength = 64;

    private readonly Dictionary<string, T> _answers = new(StringComparer.Ordinal);

    public T Get(string text, Func<string, T> compute)
    {
        if (text.Length > MaxKeyLength)
        {
            return compute(text);
        }

        if (!_answers.TryGetValue(text, out var answer))
        {
            answer = compute(text);
            if (_answers.Count >= Capacity)
            {
                _answers.Clear();
            }

            _answers[text] = answer;
        }

        return answer;
    }
}

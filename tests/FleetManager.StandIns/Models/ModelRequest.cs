using System.Text.Json.Nodes;

namespace FleetManager.StandIns.Models;

/// <summary>What a model stand-in understood of a request, for the answer function and for assertions.</summary>
/// <param name="Model">The model id (Gemini: from the path; OpenAI: the body's <c>model</c>).</param>
/// <param name="Text">The text of the first user turn (the email).</param>
/// <param name="Files">Inline files (Gemini <c>inlineData</c>; OpenAI image/file parts).</param>
/// <param name="HasSchema">A response schema was sent.</param>
/// <param name="Turns">Conversation turns after the system instruction (3 for a repair request).</param>
/// <param name="Body">The whole request body.</param>
public sealed record ModelRequest(string Model, string Text, int Files, bool HasSchema, int Turns, JsonNode Body)
{
    /// <summary>True for the second call that asks to fix an invalid answer.</summary>
    public bool IsRepair => Turns > 1;

    /// <summary>The <c>Message-ID:</c> line of the prompt, if any.</summary>
    public string? MessageId
    {
        get
        {
            foreach (var line in Text.Split('\n'))
            {
                if (line.StartsWith("Message-ID: ", StringComparison.Ordinal))
                {
                    return line["Message-ID: ".Length..].Trim();
                }
            }

            return null;
        }
    }
}

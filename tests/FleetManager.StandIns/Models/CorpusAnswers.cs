using System.Text.Json.Nodes;

namespace FleetManager.StandIns.Models;

/// <summary>
/// An answer function that answers like a perfect model: it finds the prompt's <c>Message-ID:</c> in
/// a labelled corpus and answers that message's expected result (without <c>message_id</c> and
/// coordinates, which a model does not give). Unknown messages are answered <c>other</c>.
/// </summary>
public static class CorpusAnswers
{
    public static Func<ModelRequest, ModelAnswer> FromDirectory(string directory)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            var expected = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var id = expected["message_id"]?.GetValue<string>();
            if (id is null || answers.ContainsKey(id))
            {
                continue;
            }

            answers[id] = ToAnswer(expected);
        }

        return request => request.MessageId is { } id && answers.TryGetValue(id, out var json) ? ModelAnswer.Json(json) : ModelAnswer.Other;
    }

    private static string ToAnswer(JsonObject expected)
    {
        var orders = new JsonArray();
        foreach (var order in expected["orders"]?.AsArray() ?? [])
        {
            var copy = order!.DeepClone().AsObject();
            foreach (var stop in copy["stops"]?.AsArray() ?? [])
            {
                stop!.AsObject().Remove("latitude");
                stop.AsObject().Remove("longitude");
            }

            orders.Add((JsonNode)copy);
        }

        return new JsonObject
        {
            ["classification"] = expected["classification"]?.DeepClone() ?? "other",
            ["orders"] = orders,
        }.ToJsonString();
    }
}

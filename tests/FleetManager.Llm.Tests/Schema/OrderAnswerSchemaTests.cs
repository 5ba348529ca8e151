using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Model;
using FleetManager.Llm.Schema;

namespace FleetManager.Llm.Tests.Schema;

public sealed class OrderAnswerSchemaTests
{
    [Fact]
    public void ToGeminiSchema_UsesTheOpenApiSubsetOnly()
    {
        var json = OrderAnswerSchema.Answer.ToGeminiSchema().ToJsonString();

        Assert.DoesNotContain("$ref", json);
        Assert.DoesNotContain("additionalProperties", json);
        Assert.DoesNotContain("\"null\"", json);
        var order = OrderAnswerSchema.Answer.ToGeminiSchema()["properties"]!["orders"]!["items"]!;
        Assert.Equal("OBJECT", order["type"]!.GetValue<string>());
        Assert.True(order["properties"]!["weight_kg"]!["nullable"]!.GetValue<bool>());
        Assert.Equal(["tautliner", "box", "reefer", "mega", "jumbo", "flatbed", "van", "tanker", "container", "other"],
            order["properties"]!["vehicle_type"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(order["required"]!.ToJsonString(), order["propertyOrdering"]!.ToJsonString());
    }

    [Fact]
    public void ToOpenAiSchema_IsStrictEverywhere()
    {
        var schema = OrderAnswerSchema.Answer.ToOpenAiSchema();

        foreach (var obj in Objects(schema))
        {
            Assert.False(obj["additionalProperties"]!.GetValue<bool>());
            Assert.Equal(obj["properties"]!.AsObject().Select(p => p.Key), obj["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        }

        var price = schema["properties"]!["orders"]!["items"]!["properties"]!["price"]!;
        Assert.Equal("null", price["anyOf"]![1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Answer_HasTheSpecFieldNames()
    {
        var order = OrderAnswerSchema.Order.Properties.Select(p => p.Key);

        Assert.Equal(["request_type", "reference_number", "customer", "stops", "cargo_description", "weight_kg", "pallets", "loading_meters",
            "vehicle_type", "adr", "temperature_min_c", "temperature_max_c", "price", "special_requirements", "contact"], order);
    }

    [Fact]
    public void Answer_EnumsAndCurrencyDescription_AreTheSpecVocabularies()
    {
        var order = OrderAnswerSchema.Order.Properties.ToDictionary(p => p.Key, p => p.Value);
        var stop = OrderAnswerSchema.Stop.Properties.ToDictionary(p => p.Key, p => p.Value);
        var answer = OrderAnswerSchema.Answer.Properties.ToDictionary(p => p.Key, p => p.Value);
        var currency = OrderAnswerSchema.Price.Properties.Single(p => p.Key == "currency").Value;

        Assert.Equal(SpecVocabulary.Classifications.Names, answer["classification"].Enum);
        Assert.Equal(SpecVocabulary.RequestTypes.Names, order["request_type"].Enum);
        Assert.Equal(SpecVocabulary.VehicleTypes.Names, order["vehicle_type"].Enum);
        Assert.Equal(SpecVocabulary.StopTypes.Names, stop["type"].Enum);
        Assert.Equal("ISO 4217: EUR, BGN, PLN, RON, CZK, HUF, GBP, CHF, USD", currency.Description);
    }

    [Theory]
    [InlineData("""{"classification":"other","orders":[]}""", 0)]
    [InlineData("""{"classification":"spam","orders":[]}""", 1)]
    [InlineData("""{"orders":[]}""", 1)]
    [InlineData("""{"classification":"order","orders":[{"stops":[{"type":"pickup"}],"adr":"yes"}]}""", 2)]
    [InlineData("""{"classification":"order","orders":[{"weight_kg":"24 t","pallets":33,"stops":[]}]}""", 0)]
    [InlineData("""{"classification":"order","orders":[{"weight_kg":1e30,"stops":[]}]}""", 1)]
    [InlineData("""{"classification":"order","orders":[{"weight_kg":24000,"pallets":1e12,"stops":[]}]}""", 1)]
    public void Validate_CountsProblems(string answer, int problems)
    {
        using var document = JsonDocument.Parse(answer);

        Assert.Equal(problems, AnswerValidator.Validate(document.RootElement, OrderAnswerSchema.Answer).Count);
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"]?.GetValueKind() == JsonValueKind.String && obj["type"]!.GetValue<string>() == "object")
            {
                yield return obj;
            }

            foreach (var (_, child) in obj)
            {
                foreach (var inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                foreach (var inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
    }
}

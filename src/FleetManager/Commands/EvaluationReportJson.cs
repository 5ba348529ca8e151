using System.Text;
using System.Text.Json;
using FleetManager.Core.Evaluation;

namespace FleetManager.Commands;

/// <summary>Writes an <see cref="EvaluationReport"/> as JSON with Utf8JsonWriter (no reflection).</summary>
internal static class EvaluationReportJson
{
    public static string Write(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("messages", report.Messages);
            w.WriteNumber("classification_accuracy", report.ClassificationAccuracy);
            w.WriteNumber("order_class_precision", report.OrderClassPrecision);
            w.WriteNumber("order_class_recall", report.OrderClassRecall);
            w.WriteNumber("order_precision", report.OrderPrecision);
            w.WriteNumber("order_recall", report.OrderRecall);
            w.WriteNumber("field_precision", report.FieldPrecision);
            w.WriteNumber("field_recall", report.FieldRecall);
            w.WriteNumber("field_f1", report.FieldF1);
            w.WriteStartObject("fields");
            foreach (var f in report.Fields)
            {
                w.WriteStartObject(f.Field);
                w.WriteNumber("predicted", f.Predicted);
                w.WriteNumber("expected", f.Expected);
                w.WriteNumber("correct", f.Correct);
                w.WriteNumber("precision", f.Precision);
                w.WriteNumber("recall", f.Recall);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

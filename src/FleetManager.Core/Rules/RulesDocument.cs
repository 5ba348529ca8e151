using FleetManager.Core.Model;

namespace FleetManager.Core.Rules;

/// <summary>
/// The text the rules engine reads for one message: the subject, the new body text (a forward's
/// content included, a reply's quote left out) and the text of each attachment, joined with blank
/// lines. Every <see cref="TextSpan"/> the engine reports is an offset into <see cref="Text"/>.
/// </summary>
public sealed class RulesDocument
{
    private RulesDocument(Email email, string text, string body, int bodyStart, int bodyEnd, IReadOnlyList<int> attachmentStarts, IReadOnlyList<OrderBlock> transposedColumns)
    {
        Email = email;
        Text = text;
        Body = body;
        BodyStart = bodyStart;
        BodyEnd = bodyEnd;
        AttachmentStarts = attachmentStarts;
        TransposedColumns = transposedColumns;
    }

    public Email Email { get; }

    public string Text { get; }

    /// <summary>
    /// The body as the engine reads it: the e-mail's body with its aligned and transposed tables rewritten (the text
    /// between <see cref="BodyStart"/> and <see cref="BodyEnd"/>).
    /// </summary>
    public string Body { get; }

    /// <summary>Where the body starts in <see cref="Text"/> (the subject comes first).</summary>
    public int BodyStart { get; }

    /// <summary>Where the body ends in <see cref="Text"/> (the attachments' texts follow).</summary>
    public int BodyEnd { get; }

    /// <summary>
    /// The columns of a transposed table in the body (fields as rows, one order per column), each
    /// rewritten as a "label: value" block of <see cref="Text"/> (<see cref="Segmentation.TransposedTable"/>);
    /// empty when the body has none.
    /// </summary>
    internal IReadOnlyList<OrderBlock> TransposedColumns { get; }

    /// <summary>Where each attachment's text starts in <see cref="Text"/>: a new part, so the body's sign-off does not cover it.</summary>
    public IReadOnlyList<int> AttachmentStarts { get; }

    /// <summary>
    /// The memo of the places in this document's lines, created on first use. It lives with the
    /// document (not on the thread) so the segmenter and the stop readers of the same message share
    /// it and nothing outlives the message.
    /// </summary>
    internal Stops.DocumentPlaces Places => _places ??= new Stops.DocumentPlaces(this);

    private Stops.DocumentPlaces? _places;

    /// <summary>Who sends the message (sender, signature company and contact), read on first use and shared by its order blocks.</summary>
    internal Fields.MessageParties Parties => _parties ??= Fields.PartyReader.ReadMessage(this);

    private Fields.MessageParties? _parties;

    private Stops.StopReading? _stopReading;

    /// <summary>
    /// The memo of what stop extraction reads from this document for <paramref name="emailDate"/>,
    /// shared by the document's order blocks (a digest is read block after block).
    /// </summary>
    internal Stops.StopReading StopReading(DateOnly emailDate, Geo.OfflineGazetteer? gazetteer = null)
    {
        if (_stopReading is null || _stopReading.EmailDate != emailDate)
        {
            _stopReading = new Stops.StopReading(this, emailDate, Places, gazetteer);
        }

        return _stopReading;
    }

    public static RulesDocument From(Email email)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append(email.Subject ?? "").Append("\n\n");
        var bodyStart = builder.Length;
        // A plain-text table aligned with spaces reads as the same table rendered from HTML; a table with one order per
        // column reads as one labelled block per order.
        var body = Segmentation.TransposedTable.Rewrite(Segmentation.AlignedColumns.Rewrite(email.Body), out var columns);
        builder.Append(body);
        var bodyEnd = builder.Length;
        var transposedColumns = columns.ConvertAll(c => new OrderBlock(bodyStart + c.Start, c.Length));
        var attachmentStarts = new List<int>();
        foreach (var attachment in email.Attachments)
        {
            if (!string.IsNullOrWhiteSpace(attachment.Text))
            {
                builder.Append("\n\n");
                attachmentStarts.Add(builder.Length);
                builder.Append(attachment.Text);
            }
        }

        return new RulesDocument(email, builder.ToString(), body, bodyStart, bodyEnd, attachmentStarts, transposedColumns);
    }
}

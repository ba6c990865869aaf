namespace Hearsay.Training;

/// <summary>A gold name: characters [Start, End) of the text and its type ("PER", "LOC", "ORG", "OTH").</summary>
public readonly record struct GoldName(int Start, int End, string Type);

/// <summary>One text to learn names from (a sentence or a whole document), in one language, with its gold names.</summary>
public sealed record NamedText(string Id, string Text, string Language, IReadOnlyList<GoldName> Names)
{
    /// <summary>For scoring the whole entity stage on held-out texts the way <c>hearsay eval</c> does: the
    /// corpus's own tokens in the text and its gold spans over them (all of its types).</summary>
    public Hearsay.Eval.TokenGrid? Grid { get; init; }
    public IReadOnlyList<Hearsay.Eval.Ner.EntitySpan>? GoldSpans { get; init; }
    /// <summary>The corpus has GermEval's twelve classes (OTH, "-deriv", "-part"; see <c>NerMapping.Spans</c>).</summary>
    public bool AllClasses { get; init; }
}

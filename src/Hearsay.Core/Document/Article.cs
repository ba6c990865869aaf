namespace Hearsay.Document;

/// <summary>
/// The document model: one article's text, fixed at construction, and the annotation layers the
/// pipeline's stages add over it. Every annotation points into <see cref="Text"/> by offsets.
/// </summary>
public sealed class Article
{
    public Article(string text, ArticleMetadata? metadata = null)
    {
        Text = text;
        Metadata = metadata ?? new ArticleMetadata();
    }

    /// <summary>The analyzed text. Never changes after construction, so offsets stay valid.</summary>
    public string Text { get; }
    public ArticleMetadata Metadata { get; }
    public Layers Done { get; internal set; } = Layers.Text;

    /// <summary>Language code ("de", "en") or "und" when undetermined.</summary>
    public string Language { get; internal set; } = "und";
    public double LanguageConfidence { get; internal set; }

    public ArticleStructure Structure { get; internal set; } = new();
    public Token[] Tokens { get; internal set; } = Array.Empty<Token>();
    public Sentence[] Sentences { get; internal set; } = Array.Empty<Sentence>();
    public List<Quotation> Quotations { get; } = new();
    public List<Entity> Entities { get; } = new();
    public List<Mention> Mentions { get; } = new();
    /// <summary>The coreference layer: every markable (entity mentions, definite descriptions, pronouns) in text
    /// order, grouped into chains by <see cref="Markable.Chain"/>.</summary>
    public List<Markable> Markables { get; } = new();
    public List<Quantity> Quantities { get; } = new();
    public List<Hedge> Hedges { get; } = new();
    public List<Attribution> Attributions { get; } = new();
    /// <summary>Speech, thought and writing events (verbal and nominal cues with their roles): the learned layer.</summary>
    public List<SpeechEvent> SpeechEvents { get; } = new();
    public List<Claim> Claims { get; } = new();
    public List<Diagnostic> Diagnostics { get; } = new();

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);
    public ReadOnlySpan<char> Slice(in Token token) => Text.AsSpan(token.Start, token.Length);
    /// <summary>Materializes a span as a string: for output and messages only, never on a hot path.</summary>
    public string StringOf(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Index of the sentence holding the offset, or -1.</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var s = Sentences[mid].Span;
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the first token starting at or after the offset.</summary>
    public int TokenIndexAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (Tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/> (inclusive).</summary>
    public TextSpan SpanOfTokens(int first, int last) => TextSpan.FromBounds(Tokens[first].Start, Tokens[last].End);

    public void Warn(string code, string message, TextSpan? span = null) => Diagnostics.Add(new Diagnostic(Severity.Warning, code, message, span));
}

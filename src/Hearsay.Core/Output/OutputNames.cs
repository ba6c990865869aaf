using Hearsay.Document;

namespace Hearsay.Output;

/// <summary>
/// The names the model's enums carry in every output (JSON, terminal): kebab-case, fixed by the schema
/// "hearsay.article/1". Written out as switches, not derived by reflection, so renaming a C# member can
/// never change the output format by accident.
/// </summary>
public static class OutputNames
{
    public static string Of(AttributionKind kind) => kind switch
    {
        AttributionKind.Direct => "direct",
        AttributionKind.Indirect => "indirect",
        AttributionKind.Mixed => "mixed",
        AttributionKind.AccordingTo => "according-to",
        AttributionKind.Reported => "reported",
        _ => Unknown(kind),
    };

    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.Unknown => "unknown",
        SourceKind.Person => "person",
        SourceKind.Organization => "organization",
        SourceKind.Media => "media",
        SourceKind.Document => "document",
        SourceKind.Anonymous => "anonymous",
        SourceKind.Vague => "vague",
        _ => Unknown(kind),
    };

    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organization",
        EntityType.Media => "media",
        EntityType.Country => "country",
        EntityType.Place => "place",
        EntityType.Other => "other",
        _ => Unknown(type),
    };

    public static string Of(MentionKind kind) => kind switch
    {
        MentionKind.Name => "name",
        MentionKind.PartialName => "partial-name",
        MentionKind.Adjective => "adjective",
        MentionKind.Metonym => "metonym",
        MentionKind.Description => "description",
        MentionKind.Pronoun => "pronoun",
        MentionKind.Modifier => "modifier",
        _ => Unknown(kind),
    };

    public static string Of(Gender gender) => gender switch
    {
        Gender.Unknown => "unknown",
        Gender.Masculine => "masculine",
        Gender.Feminine => "feminine",
        Gender.Neuter => "neuter",
        Gender.Plural => "plural",
        _ => Unknown(gender),
    };

    public static string Of(HedgeKind kind) => kind switch
    {
        HedgeKind.ScareQuotes => "scare-quotes",
        HedgeKind.Speculation => "speculation",
        HedgeKind.Distancing => "distancing",
        HedgeKind.Uncertainty => "uncertainty",
        _ => Unknown(kind),
    };

    public static string Of(QuantityKind kind) => kind switch
    {
        QuantityKind.Count => "count",
        QuantityKind.Measure => "measure",
        QuantityKind.Money => "money",
        QuantityKind.Percent => "percent",
        QuantityKind.Date => "date",
        QuantityKind.Rank => "rank",
        QuantityKind.Duration => "duration",
        QuantityKind.Ordinal => "ordinal",
        QuantityKind.Age => "age",
        _ => Unknown(kind),
    };

    public static string Of(Bound bound) => bound switch
    {
        Bound.Exact => "exact",
        Bound.Lower => "lower",
        Bound.Upper => "upper",
        _ => Unknown(bound),
    };

    public static string Of(ChainRole role) => role switch
    {
        ChainRole.Origin => "origin",
        ChainRole.Speaker => "speaker",
        ChainRole.Document => "document",
        ChainRole.Medium => "medium",
        ChainRole.Relay => "relay",
        ChainRole.Author => "author",
        ChainRole.Outlet => "outlet",
        _ => Unknown(role),
    };

    public static string Of(OriginKind kind) => kind switch
    {
        OriginKind.Named => "named",
        OriginKind.Anonymous => "anonymous",
        OriginKind.Vague => "vague",
        OriginKind.Document => "document",
        OriginKind.Unattributed => "unattributed",
        _ => Unknown(kind),
    };

    public static string Of(BlockKind kind) => kind switch
    {
        BlockKind.Title => "title",
        BlockKind.Byline => "byline",
        BlockKind.Teaser => "teaser",
        BlockKind.Subheading => "subheading",
        BlockKind.Paragraph => "paragraph",
        BlockKind.Caption => "caption",
        BlockKind.Other => "other",
        _ => Unknown(kind),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => Unknown(severity),
    };

    /// <summary>The single speech signals, in the order they are listed in output.</summary>
    public static ReadOnlySpan<SpeechSignals> SignalOrder =>
    [
        SpeechSignals.SubjunctiveI, SpeechSignals.SubjunctiveII, SpeechSignals.ThatClause,
        SpeechSignals.Colon, SpeechSignals.Backward, SpeechSignals.Continued,
    ];

    public static string Of(SpeechSignals signal) => signal switch
    {
        SpeechSignals.SubjunctiveI => "subjunctive-1",
        SpeechSignals.SubjunctiveII => "subjunctive-2",
        SpeechSignals.ThatClause => "that-clause",
        SpeechSignals.Colon => "colon",
        SpeechSignals.Backward => "backward",
        SpeechSignals.Continued => "continued",
        _ => Unknown(signal),
    };

    /// <summary>An enum value the output does not know yet: a model change that forgot the renderers.
    /// Fails loudly so the schema test catches it instead of silently emitting a new name.</summary>
    private static string Unknown<T>(T value) where T : Enum =>
        throw new InvalidOperationException($"No output name for {typeof(T).Name}.{value}; add it to OutputNames and the schema.");

    /// <summary>Output ids: a letter for the kind of object plus its number ("e3", "a12"), so a reference
    /// says what it points at.</summary>
    public static string EntityId(int id) => "e" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string AttributionId(int id) => "a" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string ClaimId(int id) => "c" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string HedgeId(int index) => "h" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string QuantityId(int index) => "q" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

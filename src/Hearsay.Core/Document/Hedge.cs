namespace Hearsay.Document;

public enum HedgeKind : byte
{
    /// <summary>Quotation marks around a word or two that the author keeps at a distance („Freiwillige“).</summary>
    ScareQuotes,
    /// <summary>Modal speculation: könnte, dürfte, might, could.</summary>
    Speculation,
    /// <summary>The author distances herself: zumindest, angeblich, so genannt, allegedly, so-called, behauptete.</summary>
    Distancing,
    /// <summary>Stated uncertainty: "Es ist nicht klar", "it is unclear".</summary>
    Uncertainty,
}

/// <summary>A hedge: its cue and the span of text it scopes over.</summary>
public sealed record Hedge(HedgeKind Kind, TextSpan Cue, TextSpan Scope);

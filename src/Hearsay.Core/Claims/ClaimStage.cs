using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Claims;

/// <summary>
/// Adds claims: one per attribution, and one per headline or teaser sentence that the author states
/// without attribution. Each gets its sourcing chain (origin → speaker → document → medium → relays →
/// author → outlet) and an assessment of its sourcing. See <see cref="ChainBuilder"/> for how media and
/// relays stated once for a source carry over to its other statements.
/// </summary>
public sealed class ClaimStage : IStage
{
    public string Name => "claims";
    public Layers Needs => Layers.Attributions | Layers.Coreference | Layers.Hedges | Layers.Quantities;
    public Layers Adds => Layers.Claims;

    public void Process(Article article, LanguagePack language)
    {
        var builder = new ChainBuilder(article, Attributions.AttributionLexicon.For(language));
        builder.Carriers();
        foreach (var att in article.Attributions) builder.ClaimFor(att);
        builder.HeadlineClaims();
        builder.Assess();
    }
}

using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Attributions;

/// <summary>Adds attributions: cue, source, content, medium, relays, nesting. Language data:
/// reporting-verbs, according-to, function-words, roles, source-nouns, media-nouns, pronouns.</summary>
public sealed class AttributionStage : IStage
{
    public string Name => "attributions";
    public Layers Needs => Layers.Sentences | Layers.Quotations | Layers.Entities;
    public Layers Adds => Layers.Attributions;

    public void Process(Article article, LanguagePack language)
    {
        if (!language.IsSupported) return;
        new AttributionFinder(article, AttributionLexicon.For(language)).Run();
    }
}

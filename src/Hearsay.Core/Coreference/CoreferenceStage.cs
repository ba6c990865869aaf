using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Coreference;

/// <summary>
/// Resolves who the speakers are and what refers to what. First <see cref="SpeakerResolver"/> links each
/// attribution source that is not a name — a description ("der russische Verteidigungsexperte", "the
/// senator"), a surname alone, a pronoun ("sagte er") — to a person entity, and records on each entity the
/// roles and nationality seen with it (names in the source that the entity stage did not know become person
/// entities here). Then the coreference layer: <see cref="MarkableFinder"/> collects the markables (entity
/// mentions, definite descriptions, pronouns) and <see cref="ChainResolver"/> groups them into chains; a
/// source speaker resolution left open takes the entity of its markable's chain.
/// </summary>
public sealed class CoreferenceStage : IStage
{
    public string Name => "coreference";
    public Layers Needs => Layers.Entities | Layers.Attributions;
    public Layers Adds => Layers.Coreference;

    public void Process(Article article, LanguagePack language)
    {
        if (!language.IsSupported) return;
        var lexicon = AttributionLexicon.For(language);
        var speakers = new SpeakerResolver(article, lexicon);
        speakers.Run();
        article.Markables.Clear();
        if (article.Tokens.Length == 0) return;
        var coref = CorefLexicon.For(language);
        var markables = new MarkableFinder(article, speakers.View, coref, language).Find();
        new ChainResolver(article, coref, markables).Run();
        article.Markables.AddRange(markables);
        speakers.LinkFromChains();
    }
}

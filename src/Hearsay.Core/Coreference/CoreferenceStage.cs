using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Coreference;

/// <summary>
/// Resolves who the speakers are: links each attribution source that is not a name — a description
/// ("der russische Verteidigungsexperte", "the senator"), a surname alone, a pronoun ("sagte er") — to a
/// person entity, and records on each entity the roles and nationality seen with it. Names in the
/// source that the entity stage did not know become person entities here.
/// </summary>
public sealed class CoreferenceStage : IStage
{
    public string Name => "coreference";
    public Layers Needs => Layers.Entities | Layers.Attributions;
    public Layers Adds => Layers.Coreference;

    public void Process(Article article, LanguagePack language)
    {
        if (!language.IsSupported) return;
        new SpeakerResolver(article, AttributionLexicon.For(language)).Run();
    }
}

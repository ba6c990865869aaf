using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Coreference;

public sealed class CoreferenceStage : IStage
{
    public string Name => "coreference";
    public Layers Needs => Layers.Entities | Layers.Attributions;
    public Layers Adds => Layers.Coreference;

    public void Process(Article article, LanguagePack language)
    {
    }
}

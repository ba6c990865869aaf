using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Attribution;

public sealed class AttributionStage : IStage
{
    public string Name => "attributions";
    public Layers Needs => Layers.Sentences | Layers.Quotations | Layers.Entities | Layers.Hedges;
    public Layers Adds => Layers.Attributions;

    public void Process(Article article, LanguagePack language)
    {
    }
}

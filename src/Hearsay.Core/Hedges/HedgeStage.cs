using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Hedges;

public sealed class HedgeStage : IStage
{
    public string Name => "hedges";
    public Layers Needs => Layers.Sentences | Layers.Quotations;
    public Layers Adds => Layers.Hedges;

    public void Process(Article article, LanguagePack language)
    {
    }
}

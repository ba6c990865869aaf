using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Quantities;

public sealed class QuantityStage : IStage
{
    public string Name => "quantities";
    public Layers Needs => Layers.Sentences;
    public Layers Adds => Layers.Quantities;

    public void Process(Article article, LanguagePack language)
    {
    }
}

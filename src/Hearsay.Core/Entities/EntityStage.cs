using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Entities;

public sealed class EntityStage : IStage
{
    public string Name => "entities";
    public Layers Needs => Layers.Sentences;
    public Layers Adds => Layers.Entities;

    public void Process(Article article, LanguagePack language)
    {
    }
}

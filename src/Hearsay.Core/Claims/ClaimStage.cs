using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Claims;

public sealed class ClaimStage : IStage
{
    public string Name => "claims";
    public Layers Needs => Layers.Attributions | Layers.Coreference | Layers.Hedges | Layers.Quantities;
    public Layers Adds => Layers.Claims;

    public void Process(Article article, LanguagePack language)
    {
    }
}

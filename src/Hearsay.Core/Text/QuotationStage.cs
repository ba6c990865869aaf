using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Text;

/// <summary>Adds quotations (paired quote marks) and warns about unbalanced ones.</summary>
public sealed class QuotationStage : IStage
{
    public string Name => "quotations";
    public Layers Needs => Layers.Tokens | Layers.Structure;
    public Layers Adds => Layers.Quotations;
    public void Process(Article article, LanguagePack language) => QuotationPairer.Pair(article);
}

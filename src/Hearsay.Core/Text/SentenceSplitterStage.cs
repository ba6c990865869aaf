using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Text;

/// <summary>Adds sentences. Language data: months.tsv (an ordinal period before a month is not a sentence end) and
/// ordinal-context.tsv (nor is one after an article or a possessive: "im 18. Jahrhundert").</summary>
public sealed class SentenceSplitterStage : IStage
{
    public string Name => "sentences";
    public Layers Needs => Layers.Tokens | Layers.Structure;
    public Layers Adds => Layers.Sentences;

    public void Process(Article article, LanguagePack language) =>
        article.Sentences = SentenceSplitter.Split(article, language.Words("months"), language.Words("ordinal-context"));
}

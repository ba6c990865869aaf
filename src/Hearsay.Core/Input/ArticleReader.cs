using Hearsay.Document;

namespace Hearsay.Input;

/// <summary>Turns raw input (bytes or a string, plain text or HTML) into an <see cref="Article"/> with its structure.</summary>
public static class ArticleReader
{
    /// <summary>Builds an article from plain text, finding its layout structure.</summary>
    public static Article FromText(string text, ArticleMetadata? metadata = null)
    {
        var article = new Article(text, metadata);
        Structure.PlainTextStructure.Detect(article);
        article.Done |= Layers.Structure;
        return article;
    }
}

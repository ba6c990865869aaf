using Hearsay.Document;
using Hearsay.Input;
using static Hearsay.Tests.Structure.StructureAssert;

namespace Hearsay.Tests.Structure;

/// <summary>The model article (../shared/samples) read through the general rules: nothing here is tuned to its sentences.</summary>
public class SampleArticleStructureTests
{
    private static readonly Lazy<Article> Sample = new(() => ArticleReader.FromFile(SharedFiles.Path("samples/nordkorea-freiwillige.de.txt")));

    [Fact]
    public void Sample_is_well_formed_plain_text()
    {
        var a = Sample.Value;
        WellFormed(a);
        Assert.Equal("utf-8", a.Metadata.Encoding);
        Assert.Equal("text/plain", a.Metadata.MediaType);
        Assert.DoesNotContain(a.Diagnostics, d => d.Code.StartsWith("input.", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_title_author_dateline()
    {
        var a = Sample.Value;
        Assert.StartsWith("Nordkorea unterstützt Russland", Str(a, a.Structure.Title));
        Assert.Equal(["Ares Abasi"], a.Structure.Authors.Select(a.StringOf));
        Assert.Equal("Pjöngjang", Str(a, a.Structure.DatelinePlace));
        Assert.Null(a.Structure.DatelineAgency);
        Assert.Single(Texts(a, BlockKind.Teaser));
    }

    [Fact]
    public void Sample_subheadings_and_caption()
    {
        var a = Sample.Value;
        var subheadings = Texts(a, BlockKind.Subheading);
        Assert.Equal(3, subheadings.Length);
        Assert.StartsWith("Nordkorea: Russland sollte", subheadings[0]);
        Assert.StartsWith("Ukraine-Krieg: Nordkoreas Armee", subheadings[1]);
        Assert.StartsWith("Ukraine-Krieg: Nordkorea entsendet", subheadings[2]);
        var caption = Assert.Single(a.Structure.Captions);
        Assert.Contains("stoßen im April 2019", Str(a, caption.Text));
        Assert.Equal("UPI Photo/Imago", Str(a, caption.Credit));
    }

    [Fact]
    public void Sample_signature_is_set_apart()
    {
        var a = Sample.Value;
        Assert.Equal(BlockKind.Other, a.Structure.Blocks[^1].Kind);
        Assert.Equal("(Ares Abasi)", a.StringOf(a.Structure.Blocks[^1].Span));
        Assert.Equal(BlockKind.Paragraph, a.Structure.Blocks[^2].Kind);
    }
}

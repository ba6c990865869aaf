using CsCheck;
using Hearsay.Input;

namespace Hearsay.Tests.Structure;

/// <summary>Whatever the layout, plain-text structure never throws and its blocks stay well formed.</summary>
public class StructurePropertyTests
{
    private static readonly string[] Pieces =
    [
        "Stadtrat stoppt Neubau", "Von: Erika Muster", "By JANE DOE and JOHN ROE", "Berlin (dpa) – Die Regierung hat entschieden.",
        "WASHINGTON, March 3 (AP) — Officials said.", "Ein kurzer Satz.", "Zwischentitel ohne Punkt",
        "Bildunterschrift hier. © Agentur/Foto", "Foto: dpa", "(dpa)", "Der letzte Absatz endet. (Erika Muster)",
        "„Ein Zitat ohne Ende", "Wien – ", " – ", "©", "(", ")", "Von", "By", "Foto:", "\u00A0", "\t",
        "Ein sehr langer Absatz, der weit über hundert Zeichen hinausgeht, damit die Zeilenlogik greift und nichts umbrochen wird.",
    ];

    private static readonly string[] Separators = ["\n", "\n\n", "\r\n", "\r\n\r\n", " ", "\n \n", "\r", "\u2029", ""];

    [Fact]
    public void Blocks_are_ordered_disjoint_and_cover_the_text()
    {
        var gen = Gen.Select(Gen.OneOf(Pieces), Gen.OneOf(Separators)).Array[0, 25]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));
        gen.Sample(text => StructureAssert.WellFormed(ArticleReader.FromText(text)), iter: 400);
    }

    [Fact]
    public void Random_characters_never_break_the_structure()
    {
        var gen = Gen.String[Gen.Char["aZ .,:;–—-()©\n\r\t„“\"'0123456789ÄÖßé/|&"], 0, 400];
        gen.Sample(text => StructureAssert.WellFormed(ArticleReader.FromText(text)), iter: 400);
    }

    private static readonly string[] HtmlPieces =
    [
        "<p>", "</p>", "<div class=\"ad\">", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<br>", "<br><br>",
        "<figure><img src=x>", "<figcaption>", "</figcaption>", "</figure>", "<span class=credit>", "</span>",
        "<article>", "</article>", "<nav>", "</nav>", "<script>", "</script>", "<p class=byline>", "<b>", "</b>",
        "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "&amp;", "&nbsp;", "<",
        "By Jane Doe", "Berlin (dpa) – Die Regierung.", "Ein Satz.", "Foto: dpa", "© Agentur", "\n", " ",
    ];

    [Fact]
    public void Any_tag_soup_gives_a_well_formed_html_article()
    {
        var gen = Gen.OneOf(HtmlPieces).Array[0, 40].Select(string.Concat);
        gen.Sample(html => StructureAssert.WellFormed(ArticleReader.FromHtml(html)), iter: 300);
    }
}

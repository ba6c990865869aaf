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
}

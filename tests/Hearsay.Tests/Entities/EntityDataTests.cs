using System.Text;
using Hearsay.Entities;
using Hearsay.Languages;

namespace Hearsay.Tests.Entities;

/// <summary>The gazetteers and word lists are reviewed data: each has a header saying where it comes from,
/// rows have the documented columns, ids are unique and cross-references resolve.</summary>
public class EntityDataTests
{
    public static TheoryData<string, string, int> Files => new()
    {
        { "common", "countries", 8 },
        { "common", "places", 10 },
        { "common", "organizations", 7 },
        { "common", "media", 9 },
        { "common", "persons", 8 },
        { "common", "name-connectors", 2 },
        { "common", "name-particles", 2 },
        { "common", "place-names", 1 },
        { "common", "surnames", 1 },
        { "de", "first-names", 3 },
        { "en", "first-names", 3 },
        { "de", "person-roles", 4 },
        { "en", "person-roles", 4 },
        { "de", "closed-class-words", 2 },
        { "en", "closed-class-words", 2 },
        { "de", "org-keywords", 6 },
        { "en", "org-keywords", 6 },
        { "de", "place-nouns", 2 },
        { "en", "place-nouns", 2 },
        { "de", "name-cues", 2 },
        { "en", "name-cues", 2 },
        { "de", "direction-prefixes", 1 },
        { "en", "direction-words", 1 },
        { "de", "noun-endings", 1 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_has_a_header_and_its_columns(string lang, string name, int columns)
    {
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream($"lexicons/{lang}/{name}.tsv");
        Assert.NotNull(stream);
        var lines = new StreamReader(stream!, Encoding.UTF8).ReadToEnd().Split('\n');
        Assert.StartsWith("#", lines[0]);
        Assert.Contains(lines.TakeWhile(l => l.StartsWith('#')), l => l.StartsWith("# Source:", StringComparison.Ordinal));
        var rows = LexiconFile.ReadEmbedded(lang, name);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.Length == columns, $"{lang}/{name}: row «{string.Join('|', r)}» has {r.Length} columns, expected {columns}"));
    }

    [Fact]
    public void Gazetteers_build_for_both_languages_with_unique_ids()
    {
        foreach (var code in new[] { "de", "en" })
        {
            var g = Gazetteer.Build(LanguageRegistry.Default.For(code));
            Assert.True(g.Entries.Count > 900, $"{code}: {g.Entries.Count} entries");
            Assert.Equal(g.Entries.Count, g.Entries.Select(e => e.Id).Distinct().Count());
            Assert.All(g.Entries.Where(e => e.StandsForId is not null), e => Assert.True(e.StandsFor >= 0));
        }
    }

    [Fact]
    public void Country_codes_are_iso_and_references_exist()
    {
        var countries = LanguagePack.CommonRows("countries").Select(r => r[0]).ToHashSet();
        Assert.All(countries, c => Assert.Matches("^[A-Z]{2}$", c));
        foreach (var (file, col) in new[] { ("places", 3), ("organizations", 3), ("media", 3), ("persons", 3) })
            foreach (var r in LanguagePack.CommonRows(file))
                Assert.True(r[col] == "-" || countries.Contains(r[col]), $"{file}: {r[0]} has unknown country «{r[col]}»");
    }

    [Fact]
    public void Media_rows_use_the_documented_values()
    {
        var types = new HashSet<string> { "tv", "radio", "newspaper", "magazine", "agency", "online" };
        foreach (var r in LanguagePack.CommonRows("media"))
        {
            Assert.Contains(r[2], types);
            Assert.Contains(r[4], new[] { "yes", "no" });
            Assert.Contains(r[5], new[] { "yes", "no" });
        }
        var state = LanguagePack.CommonRows("media").Where(r => r[4] == "yes").Select(r => r[1]).ToList();
        Assert.Contains("Channel One Russia", state);
        Assert.Contains("RT", state);
        Assert.Contains("KCNA", state);
        Assert.DoesNotContain("BBC", state);
        Assert.DoesNotContain("ARD", state);
    }

    [Fact]
    public void Person_genders_are_given()
    {
        Assert.All(LanguagePack.CommonRows("persons"), r => Assert.Contains(r[2], new[] { "M", "F" }));
    }
}

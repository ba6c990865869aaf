using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Tests.Provenance;

public class FrontMatterTests
{
    [Fact]
    public void Front_matter_gives_metadata_and_is_removed_from_the_text()
    {
        var (text, meta) = FrontMatter.Split("---\noutlet: Die Zeit\npublished: 2024-02-01T10:00:00+01:00\nurl: https://zeit.de/x\nlanguage: de\n---\nTitel\n\nText.", new ArticleMetadata());
        Assert.Equal("Titel\n\nText.", text);
        Assert.Equal("Die Zeit", meta.Outlet);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), meta.Published);
        Assert.Equal("https://zeit.de/x", meta.Url);
        Assert.Equal("de", meta.Language);
    }

    [Theory]
    [InlineData("Headline\n---\nNot front matter")]
    [InlineData("---\nThis line has no key\n---\nText")]
    public void Text_without_a_front_matter_block_is_unchanged(string input)
    {
        var (text, meta) = FrontMatter.Split(input, new ArticleMetadata());
        Assert.Same(input, text);
        Assert.Null(meta.Outlet);
    }

    [Theory]
    [InlineData("2023-03-02", 2023, 3, 2)]
    [InlineData("2023-03-02T18:40:00Z", 2023, 3, 2)]
    public void Dates_are_iso_8601(string value, int y, int m, int d)
    {
        var date = FrontMatter.ParseDate(value);
        Assert.Equal(new DateOnly(y, m, d), DateOnly.FromDateTime(date!.Value.UtcDateTime));
    }
}

using CsCheck;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Text;

namespace Hearsay.Tests.Text;

public class TokenizerTests
{
    private static readonly WordSet De = new LanguageRegistry(new[] { "de" }).For("de").Words("abbreviations");
    private static readonly WordSet En = new LanguageRegistry(new[] { "en" }).For("en").Words("abbreviations");

    private static string[] Texts(string text, WordSet abbreviations) =>
        Tokenizer.Tokenize(text, abbreviations).Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Theory]
    [InlineData("100.000 Soldaten", "100.000")]
    [InlineData("fast 1,3 Millionen", "1,3")]
    [InlineData("rose 1.3 percent", "1.3")]
    [InlineData("some 1,300 troops", "1,300")]
    [InlineData("100\u00A0000 Menschen", "100\u00A0000")]
    public void Numbers_with_separators_are_one_token(string text, string number)
    {
        var tokens = Tokenizer.Tokenize(text, De);
        var t = tokens.First(x => x.Kind == TokenKind.Number);
        Assert.Equal(number, text.Substring(t.Start, t.Length));
    }

    [Theory]
    [InlineData("Soldat:innen", TokenFlags.Gendered)]
    [InlineData("Student*innen", TokenFlags.Gendered)]
    [InlineData("Lehrer_innen", TokenFlags.Gendered)]
    [InlineData("Kim Jong-un", TokenFlags.Hyphenated)]
    public void Gendered_and_hyphenated_forms_stay_whole(string text, TokenFlags flag)
    {
        var tokens = Tokenizer.Tokenize(text, De);
        Assert.Contains(tokens, t => t.Has(flag) && text.Substring(t.Start, t.Length) == text.Split(' ').Last());
    }

    [Fact]
    public void German_abbreviations_keep_their_period()
    {
        Assert.Equal(new[] { "Das", "gilt", "z.", "B.", "für", "Dr.", "Weber", "." }, Texts("Das gilt z. B. für Dr. Weber.", De));
    }

    [Fact]
    public void Initialisms_are_one_token()
    {
        Assert.Equal(new[] { "The", "U.S.", "Army", "said", "." }, Texts("The U.S. Army said.", En));
    }

    [Fact]
    public void Urls_and_domains_are_single_tokens()
    {
        var tokens = Tokenizer.Tokenize("Mehr unter https://example.org/a?b=1, oder www.allinrechner.at.", De);
        Assert.Equal(2, tokens.Count(t => t.Kind == TokenKind.Url));
    }

    [Theory]
    [InlineData("„Ja“, sagte er.", '„', TokenFlags.Opening)]
    [InlineData("„Ja“, sagte er.", '“', TokenFlags.Closing)]
    [InlineData("\"Yes,\" he said.", '"', TokenFlags.Opening)]
    [InlineData("»Nein«, rief sie.", '»', TokenFlags.Opening)]
    public void Quotation_marks_know_whether_they_open_or_close(string text, char mark, TokenFlags expected)
    {
        var t = Tokenizer.Tokenize(text, De).First(x => text[x.Start] == mark);
        Assert.True(t.Has(expected));
    }

    [Fact]
    public void Apostrophes_inside_words_do_not_split()
    {
        Assert.Contains("don't", Texts("They don't know.", En));
        Assert.Contains("Putin's", Texts("Putin's aide spoke.", En));
    }

    [Fact]
    public void Dashes_are_their_own_tokens()
    {
        var tokens = Tokenizer.Tokenize("Pjöngjang – Nordkorea hat", De);
        Assert.Equal(TokenKind.Dash, tokens[1].Kind);
    }

    // ---- properties

    private static readonly Gen<string> NewsText = Gen.OneOf(
        Gen.String[Gen.Char["aäbcdeéfghijklmnoöpqrsßtuüvwxyzAÄBCDEFGHIJKLMNOÖPQRSTUÜVWXYZ0123456789 .,;:!?-–—„“‚‘\"'»«()[]%€$/:*_@\n\t"], 0, 300],
        Gen.String);

    [Fact]
    public void Tokens_cover_every_non_space_character_in_order()
    {
        NewsText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text, De);
            int pos = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Length > 0);
                Assert.True(t.Start >= pos, "tokens overlap or go backwards");
                for (int i = pos; i < t.Start; i++) Assert.True(char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) || CharClass.IsSpace(text[i]), $"character {(int)text[i]} at {i} lost");
                pos = t.End;
            }
            for (int i = pos; i < text.Length; i++) Assert.True(char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) || CharClass.IsSpace(text[i]));
        }, iter: 2000);
    }

    [Fact]
    public void Joining_tokens_with_their_gaps_rebuilds_the_text()
    {
        NewsText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text, En);
            var sb = new System.Text.StringBuilder();
            int pos = 0;
            foreach (var t in tokens)
            {
                sb.Append(text, pos, t.Start - pos).Append(text, t.Start, t.Length);
                pos = t.End;
            }
            sb.Append(text, pos, text.Length - pos);
            Assert.Equal(text, sb.ToString());
        }, iter: 1000);
    }

    [Fact]
    public void Sentences_partition_the_tokens()
    {
        var analyzer = new Analyzer();
        NewsText.Sample(text =>
        {
            var a = analyzer.AnalyzeText(text, new ArticleMetadata { Language = "de" });
            int next = 0;
            foreach (var s in a.Sentences)
            {
                Assert.Equal(next, s.FirstToken);
                Assert.True(s.TokenCount > 0);
                next = s.EndToken;
            }
            Assert.Equal(a.Tokens.Length, next);
        }, iter: 300);
    }
}

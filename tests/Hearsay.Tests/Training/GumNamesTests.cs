using Hearsay.Eval;
using Hearsay.Eval.Gum;
using Hearsay.Training;

namespace Hearsay.Tests.Training;

/// <summary>Names out of GUM's entity mentions, which cover every mention, named or not.</summary>
public class GumNamesTests
{
    /// <summary>A one-sentence GUM document: tokens joined by spaces, and mentions as (first, last, type, chain, identity).</summary>
    private static GumDocument Doc(string tokens, params GumMention[] mentions)
    {
        var words = tokens.Split(' ');
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        int pos = 0;
        for (int i = 0; i < words.Length; i++) { starts[i] = pos; ends[i] = pos + words[i].Length; pos = ends[i] + 1; }
        return new GumDocument { Name = "test", Text = tokens, Grid = new TokenGrid(starts, ends), Tokens = words, Mentions = mentions.ToList() };
    }

    private static List<string> Names(GumDocument d)
    {
        var lower = d.Tokens.Where(w => char.IsLower(w[0])).Select(w => w.ToLowerInvariant()).Append("biologist").ToHashSet();
        return new GumNames(lower, new[] { d }).Names(d).Select(n => $"{n.Type} {d.Text[n.Start..n.End]}").ToList();
    }

    [Fact]
    public void The_name_inside_a_mention_is_found_by_its_capitals()
    {
        //                0         1    2   3     4        5     6   7          8  9        10 11    12  13    14
        var d = Doc("Biologist Nick Bos tells Wikinews about the University of Helsinki , where she works .",
            new GumMention(0, 2, "person", 1),
            new GumMention(4, 4, "organization", 2, "Wikinews"),
            new GumMention(6, 9, "organization", 3, "University_of_Helsinki"),
            new GumMention(9, 9, "place", 4, "Helsinki"),
            new GumMention(12, 12, "person", 5));
        Assert.Equal(new[] { "PER Nick Bos", "ORG Wikinews", "ORG University of Helsinki" }, Names(d));
    }

    [Fact]
    public void Modifiers_groups_and_descriptions_are_no_names()
    {
        //                0   1      2    3   4    5      6   7        8
        var d = Doc("the Afghan team met NATO military officers and Afghans",
            new GumMention(0, 2, "organization", 1, "Afghan_Girls_Robotics_Team"),
            new GumMention(4, 6, "person", 2),
            new GumMention(4, 4, "organization", 3, "NATO"),
            new GumMention(8, 8, "person", 4));
        Assert.Equal(new[] { "ORG NATO" }, Names(d));
    }

    [Fact]
    public void A_countrys_name_is_a_place_even_for_its_government()
    {
        var d = Doc("North Korea said so", new GumMention(0, 1, "organization", 1, "North_Korea"));
        Assert.Equal(new[] { "LOC North Korea" }, Names(d));
    }
}

using Hearsay.Entities;

namespace Hearsay.Tests.Entities;

/// <summary>The compound-head lookup of the entity word lists: the longest listed suffix that leaves enough in front.</summary>
public class KeyMapTests
{
    private static KeyMap<int> Heads()
    {
        var map = new KeyMap<int>();
        map.Add("minister", 1);
        map.Add("präsident", 2);
        map.Add("vizepräsident", 3);
        map.Add("amt", 4);
        return map;
    }

    [Theory]
    [InlineData("außenminister", 1)]
    [InlineData("bundesvizepräsident", 3)]   // the longest head wins over "präsident"
    [InlineData("landespräsident", 2)]
    [InlineData("auswärtigesamt", 4)]
    public void The_longest_listed_head_is_found(string word, int expected)
    {
        Assert.True(Heads().TryGetSuffix(word, 3, 2, out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("minister")]      // the whole word is no compound: nothing left in front
    [InlineData("xminister")]     // one letter in front is too little
    [InlineData("ministerin")]    // not a suffix
    [InlineData("samt")]          // "amt" with one letter in front
    [InlineData("")]
    public void Words_without_a_head_and_enough_in_front_are_not_found(string word) =>
        Assert.False(Heads().TryGetSuffix(word, 3, 2, out _));

    [Fact]
    public void The_minimum_length_and_rest_are_kept()
    {
        var map = Heads();
        Assert.False(map.TryGetSuffix("hochamt", 4, 2, out _));           // "amt" is shorter than 4
        Assert.True(map.TryGetSuffix("minister", 3, 0, out int whole));  // no rest asked: the whole word counts
        Assert.Equal(1, whole);
    }

    [Fact]
    public void An_entry_added_after_a_lookup_is_found()
    {
        var map = Heads();
        Assert.False(map.TryGetSuffix("stadtrat", 3, 2, out _));
        map.Add("rat", 5);
        Assert.True(map.TryGetSuffix("stadtrat", 3, 2, out int value));
        Assert.Equal(5, value);
    }
}

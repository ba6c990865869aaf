using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// Joins the learned tagger's spans (<see cref="NameTagger"/>) to the gazetteer's and the rules'
/// candidates. The tagger proposes; the gazetteer and the rules resolve:
/// <list type="bullet">
/// <item>a span that a gazetteer or rule candidate covers exactly stays that candidate (its entry,
/// canonical name, type, metonymy);</item>
/// <item>a span that overlaps a rule candidate otherwise is dropped: a rule's evidence (a keyword, a legal
/// form, a role noun, a first name) decides the bounds;</item>
/// <item>a span that overlaps gazetteer names only where it contains them is a longer, unknown name around a
/// known one ("Sony Australia") and is kept; otherwise it is dropped; a known adjective inside makes it a
/// description ("Hamburger Mordkommission");</item>
/// <item>an acronym introduced in parentheses after an organization ("(IfSP)") is left to the resolver,
/// which links it and its later uses to the organization;</item>
/// <item>a span must look like a name: words and numbers, joined at most by "-", "&amp;", ".", "/" or "'"; a hyphen
/// compound led by a known name ("Ukraine-Krieg") is no name of its own;</item>
/// <item>a span no candidate confirms must be one the tagger is sure of: its margin (see <see cref="TaggedName"/>) at
/// least <see cref="TaggerPolicy.MinMargin"/>, chosen per language by cross-validation (see <see cref="TaggerPolicy.For"/>);</item>
/// <item>a new span becomes a candidate of the tagger's type (PER person, LOC place, ORG organization, OTH
/// other: the names of works, events, products, languages);</item>
/// <item>a "-deriv" or "-part" span (one word: "Wolfsburger", "Franzose"; "Vattenfall-Belegschaft",
/// "Europaminister") that no candidate overlaps becomes an adjective or modifier mention of an entity of its
/// type found from the text (see <see cref="Meaning"/>).</item>
/// </list>
/// </summary>
internal static class TaggedNames
{
    /// <summary>What a tagger type stands for: the entity type and the kind of mention ("PER" a person's name,
    /// "LOCderiv" an adjective or noun derived from a place, "ORGpart" an organization's name inside a compound
    /// word, "OTH" the name of something else).</summary>
    public static (EntityType Type, MentionKind Kind) Meaning(string tag)
    {
        var kind = tag.EndsWith("deriv", StringComparison.Ordinal) ? MentionKind.Adjective
            : tag.EndsWith("part", StringComparison.Ordinal) ? MentionKind.Modifier : MentionKind.Name;
        var type = tag.AsSpan(0, 3) switch
        {
            "PER" => EntityType.Person,
            "LOC" => EntityType.Place,
            "ORG" => EntityType.Organization,
            _ => EntityType.Other,
        };
        return (type, kind);
    }

    public static void Join(EntityContext c, EntityRecognizer recognizer, List<TaggedName> tagged, List<Candidate> names, List<Candidate> parts,
        List<Candidate> found, TaggerPolicy policy)
    {
        var (vetoUntaggedRules, overrideRules, aroundKnown, aroundRules, minMargin, _) = policy;
        // Only spans that could become mentions count: well-formed, and as sure as the policy asks.
        tagged.RemoveAll(t => !WellFormed(c, t) || t.Margin < minMargin);
        // Per token: the tagged span over it, or -1.
        var at = c.RentInts(c.Tokens.Length, -1);
        for (int k = 0; k < tagged.Count; k++)
            for (int i = tagged[k].First; i < tagged[k].End; i++) at[i] = k;
        if (vetoUntaggedRules) found.RemoveAll(r => Untagged(r, at));
        // A person the rules found inside a longer tagger span gives way to it ("Rabiye" in "Rabiye Kurnaz"),
        // unless the span takes in the role noun the rule found it by ("Senator Quarrington") or runs past the
        // genitive that ends the name ("Egon Schieles Bilder"). Organizations and places keep the bounds their
        // keyword, legal form or connector gave them.
        if (aroundRules)
            found.RemoveAll(r => r.Type == EntityType.Person && r.Rank >= Ranks.Role && Inside(r, tagged, at));

        int rules = found.Count;
        // Rule candidates a tagger span replaced (with the policy's override), removed at the end.
        var replaced = overrideRules ? c.RentBools(rules) : null;
        var acronyms = Acronyms(c, tagged, names, found);
        foreach (var t in tagged)
        {
            if (Same(t, names) || Same(t, found)) continue;
            var (type, kind) = Meaning(t.Type);
            if (CommonNoun(c, t) || CountryAndNoun(c, t, type, names)) continue;
            // A known adjective inside a hyphen compound makes a description ("russisch-ukrainischen Krieg").
            if (Conflicts(t, parts, parts.Count, inside: false)) continue;
            if (kind != MentionKind.Name)
            {
                // A word derived from a name or holding one: only where nothing else was found on it.
                if (t.End != t.First + 1 || Conflicts(t, found, rules, inside: false, replaced) || Conflicts(t, names, names.Count, inside: false)) continue;
                found.Add(recognizer.FromTagger(t.First, t.End, type, kind));
                continue;
            }
            if (ModifierCompound(c, t)) continue;
            if (acronyms is not null && t.End == t.First + 1 && acronyms.Contains(c.Surface(t.First).ToString())) continue;
            if (Conflicts(t, names, names.Count, inside: aroundKnown)) continue;
            if (Conflicts(t, found, rules, inside: false, replaced))
            {
                if (replaced is null || !Replaceable(t, found, rules, replaced)) continue;
                for (int k = 0; k < rules; k++)
                    if (found[k].First < t.End && found[k].End > t.First) replaced[k] = true;
            }
            found.Add(recognizer.FromTagger(t.First, t.End, type, kind));
        }
        if (replaced is null) return;
        int kept = 0;
        for (int k = 0; k < found.Count; k++)
            if (k >= rules || !replaced[k]) found[kept++] = found[k];
        found.RemoveRange(kept, found.Count - kept);
    }

    /// <summary>Acronyms introduced in parentheses right after an organization ("Institut für Sicherheitspolitik
    /// (IfSP)"): the resolver links them and their later uses to the organization, so the tagger does not
    /// make them names of their own.</summary>
    private static HashSet<string>? Acronyms(EntityContext c, List<TaggedName> tagged, List<Candidate> names, List<Candidate> found)
    {
        HashSet<string>? result = null;
        void After(int end)
        {
            if (end + 2 >= c.Tokens.Length || !c.IsPunct(end, '(') || !c.IsPunct(end + 2, ')') || !c.IsWord(end + 1)) return;
            var s = c.Surface(end + 1);
            int upper = 0;
            foreach (char ch in s) if (char.IsUpper(ch)) upper++;
            if (s.Length is >= 2 and <= 8 && upper >= 2) (result ??= new(StringComparer.Ordinal)).Add(s.ToString());
        }
        foreach (var cand in names)
            if (cand.Entry >= 0 && c.Gazetteer.Entries[cand.Entry].Type is EntityType.Organization or EntityType.Media) After(cand.End);
        foreach (var cand in found)
            if (cand.Type is EntityType.Organization or EntityType.Media) After(cand.End);
        foreach (var t in tagged)
            if (t.Type == "ORG") After(t.End);
        return result;
    }

    /// <summary>A one-word span on a common noun or currency word the tagger took for a name ("12.000 Jobs",
    /// "zwei Milliarden Euro"; not-names.tsv). Context that does make it a name, a gazetteer name or a rule's
    /// candidate on the same span ("Steve Jobs ... Jobs said"), is checked before.</summary>
    private static bool CommonNoun(EntityContext c, in TaggedName t)
    {
        if (t.End != t.First + 1 || c.Lexicon.NotNames.Count == 0) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return c.Lexicon.NotNames.Contains(c.Key(t.First, buf));
    }

    /// <summary>In German, a place span that opens with a known country and runs on over more capitalized
    /// words joins the country to the nouns after it ("in Deutschland Asyl beantragen", "dass Frankreich
    /// Truppen schickt"): the country alone is the place. Organizations keep such spans ("Österreich Werbung").</summary>
    private static bool CountryAndNoun(EntityContext c, in TaggedName t, EntityType type, List<Candidate> names)
    {
        if (!c.German || type != EntityType.Place || t.End - t.First < 2) return false;
        foreach (var cand in names)
        {
            if (cand.First != t.First || cand.End >= t.End || cand.Entry < 0) continue;
            if (c.Gazetteer.Entries[cand.Entry].Type == EntityType.Country) return true;
        }
        return false;
    }

    /// <summary>A name starts and ends with a word or number and holds no punctuation but the joiners
    /// "-", "&amp;", ".", "/", "'" ("Kim ( Foreign" is no name).</summary>
    private static bool WellFormed(EntityContext c, in TaggedName t)
    {
        var tokens = c.Tokens;
        if (tokens[t.First].Kind is not (TokenKind.Word or TokenKind.Number) || tokens[t.End - 1].Kind is not (TokenKind.Word or TokenKind.Number))
            return false;
        for (int i = t.First + 1; i < t.End - 1; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number) continue;
            if (tokens[i].Length != 1 || "-&./'".IndexOf(c.Text[tokens[i].Start]) < 0 || tokens[i].Kind == TokenKind.Quote) return false;
        }
        return true;
    }

    /// <summary>A hyphen compound led by a known name ("Ukraine-Krieg", "Nato-Gipfel") names something else: the
    /// name is only its modifier (see <see cref="NameMatcher"/>).</summary>
    private static bool ModifierCompound(EntityContext c, in TaggedName t)
    {
        if (t.End != t.First + 1 || !c.Tokens[t.First].Has(TokenFlags.Hyphenated)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return NameMatcher.Lead(c.Gazetteer.Trie, c.Key(t.First, buf), c.Surface(t.First), ambiguous: true) is not null;
    }

    private static bool Same(in TaggedName t, List<Candidate> candidates)
    {
        foreach (var cand in candidates)
            if (cand.First == t.First && cand.End == t.End) return true;
        return false;
    }

    /// <summary>Some candidate overlaps the span; with <paramref name="inside"/>, one known name lying inside it
    /// is allowed (two are two names: "Nordkorea Russland", "UPI Photo/Imago"; a known adjective or genitive
    /// makes a description: "Hamburger Mordkommission", "Südlibanons Grenzdörfer").</summary>
    private static bool Conflicts(in TaggedName t, List<Candidate> candidates, int count, bool inside, bool[]? replaced = null)
    {
        int within = 0;
        for (int k = 0; k < count; k++)
        {
            if (replaced is not null && replaced[k]) continue;
            var cand = candidates[k];
            if (cand.End <= t.First || cand.First >= t.End) continue;
            if (inside && cand.First >= t.First && cand.End <= t.End && cand.Kind != MentionKind.Adjective && !cand.Genitive && ++within == 1) continue;
            return true;
        }
        return false;
    }

    /// <summary>The candidate lies inside one longer tagger span (of PER, LOC or ORG) that does not hold its role
    /// noun, nor continue after a genitive or possessive ending of the candidate.</summary>
    private static bool Inside(in Candidate cand, List<TaggedName> tagged, int[] at)
    {
        int k = at[cand.First];
        if (k < 0 || at[cand.End - 1] != k) return false;
        var t = tagged[k];
        if (Meaning(t.Type) is not (not EntityType.Other, MentionKind.Name) || t.End - t.First <= cand.End - cand.First) return false;
        return cand.Role < t.First && (cand.KeyTrim == 0 || t.End == cand.End);
    }

    /// <summary>Every rule candidate the span overlaps is one the policy's override may replace: a person found by a
    /// role noun or a first name. Organizations and places keep the bounds their keyword, legal form or connector
    /// gave them ("Quarrington Holdings Inc.").</summary>
    private static bool Replaceable(in TaggedName t, List<Candidate> found, int rules, bool[] replaced)
    {
        for (int k = 0; k < rules; k++)
        {
            var r = found[k];
            if (replaced[k] || r.End <= t.First || r.First >= t.End) continue;
            if (r.Type != EntityType.Person || r.Rank < Ranks.Role) return false;
        }
        return true;
    }

    /// <summary>The tagger tagged none of the candidate's words.</summary>
    private static bool Untagged(in Candidate cand, int[] at)
    {
        for (int i = cand.First; i < cand.End; i++)
            if (at[i] >= 0) return false;
        return true;
    }
}

/// <summary>How <see cref="TaggedNames"/> joins the tagger's spans to the candidates. <see cref="For"/> ships; the
/// variants are what <c>hearsay train ner --cv</c> compares it with.</summary>
/// <param name="VetoUntaggedRules">Drop rule candidates the tagger (its spans of enough margin) left wholly untagged.</param>
/// <param name="OverrideRules">Let a tagger span that overlaps a rule candidate, and is kept, replace it.</param>
/// <param name="AroundKnown">Keep a tagger span around one known gazetteer name ("Sony Australia").</param>
/// <param name="AroundRules">Let a tagger span replace a rule's person inside it ("Rabiye" in "Rabiye Kurnaz").</param>
/// <param name="MinMargin">The least margin of a span no candidate confirms.</param>
/// <param name="OutsideBias">Subtracted from the tagger's score of "O" at each token it scores: above zero it
/// proposes more names (recall for precision).</param>
public sealed record TaggerPolicy(bool VetoUntaggedRules, bool OverrideRules, bool AroundKnown, bool AroundRules, float MinMargin, float OutsideBias = 0)
{
    /// <summary>Rules first, the tagger fills in what they miss; unconfirmed spans need a margin of 10.</summary>
    public static TaggerPolicy Default { get; } = new(false, false, true, true, 10f);

    /// <summary>The policy for a language, each as its cross-validation chose (<c>hearsay train ner --cv 5</c>):
    /// English keeps the margin of 10 (F1 0.749 against 0.741 without it); German takes every span the tagger is
    /// surer of than of "O" (0.645 against 0.642 with the margin; recall is what German lacks). The other variants
    /// (overriding the rules' persons, nothing around known names, a bias towards names) moved neither language by
    /// more than 0.004, within what one fold's sentences change, so both keep the rules' bounds. (With a German model
    /// of 2^16 rows a bias of 6 on names took the stage from 0.650 to 0.655; that model is not shipped.)</summary>
    public static TaggerPolicy For(string language) =>
        language == "de" ? Default with { MinMargin = 0 } : Default;
}

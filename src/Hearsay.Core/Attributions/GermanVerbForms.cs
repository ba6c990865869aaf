namespace Hearsay.Attributions;

/// <summary>
/// Derives the inflected forms of a German reporting verb from its lexicon row: regular (weak) verbs
/// by rule, strong verbs from the forms listed. A separable verb ("hinzu|fügen") yields the bare finite
/// forms ("fügte", needing the particle later) and the joined ones ("hinzufügte", "hinzugefügt").
/// </summary>
public static class GermanVerbForms
{
    private static readonly string[] InseparablePrefixes = { "be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "unter", "über", "wider" };

    public static IEnumerable<(string Form, VerbForm Verb)> Generate(string[] row)
    {
        if (row.Length < 3) yield break;
        var lemmaField = row[0];
        var cls = AttributionLexicon.ParseClass(row[2]);
        string? particle = null;
        string verb = lemmaField;
        int bar = lemmaField.IndexOf('|');
        if (bar > 0)
        {
            particle = lemmaField[..bar];
            verb = lemmaField[(bar + 1)..];
        }
        var lemma = (particle ?? "") + verb;
        var finite = new VerbForm(lemma, cls, particle, false);
        var joined = new VerbForm(lemma, cls, null, false);
        var participle = new VerbForm(lemma, cls, null, true);

        string stem = verb.EndsWith("en") ? verb[..^2] : verb.EndsWith("n") ? verb[..^1] : verb;
        bool needE = NeedsLinkingE(stem);
        string e = needE ? "e" : "";
        bool noGe = verb.EndsWith("ieren") || InseparablePrefixes.Any(p => verb.StartsWith(p) && verb.Length > p.Length + 3);

        var finiteForms = new List<string> { stem + "e", stem + e + "st", stem + e + "t", verb, stem + e + "te", stem + e + "ten", stem + e + "test", stem + "est" };
        string part = (noGe ? "" : "ge") + stem + e + "t";

        if (row[1] == "strong" && row.Length > 3 && row[3].Length > 0)
        {
            var f = row[3].Split(',', StringSplitOptions.TrimEntries);
            // present 3sg, past sg, past pl, participle, Konjunktiv II; separable strong forms carry their particle after a space.
            finiteForms = new List<string> { stem + "e", verb };
            foreach (var i in new[] { 0, 1, 2, 4 })
                if (i < f.Length && f[i].Length > 0) finiteForms.Add(f[i].Split(' ')[0]);
            if (f.Length > 1) finiteForms.Add(f[1].Split(' ')[0] + "en");
            part = f.Length > 3 ? f[3] : part;
            if (particle is not null && part.StartsWith(particle)) part = part[particle.Length..];
        }

        foreach (var form in finiteForms.Distinct())
        {
            yield return (form, finite);
            if (particle is not null) yield return (particle + form, joined);
        }
        yield return (particle is null ? part : particle + part, participle);
        if (particle is not null) yield return (particle + verb, joined);
    }

    private static bool NeedsLinkingE(string stem)
    {
        if (stem.Length < 2) return false;
        char last = stem[^1];
        if (last is 't' or 'd') return true;
        if (last is 'm' or 'n')
        {
            char before = stem[^2];
            if (before == 'h' && stem.Length >= 3 && stem[^3] == 'c') return true; // zeichnen -> zeichnete, rechnen -> rechnete
            return !(before is 'l' or 'r' or 'h' or 'm' or 'n' or 'a' or 'e' or 'i' or 'o' or 'u' or 'ä' or 'ö' or 'ü');
        }
        return false;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hearsay.Languages;

namespace Hearsay.Provenance.Model;

/// <summary>
/// Language-independent identities for the nodes of the provenance graph. A known entity is keyed by its
/// gazetteer id, so "Kanal Eins" and "Channel One" are one node; an unknown person by a folded surname, so
/// "Igor Korotchenko" and a later "Korotschenko" meet; an outlet named in metadata is looked up in the media
/// gazetteer, so the outlet that publishes an article and the same outlet cited as a relay are one node.
/// </summary>
public static class Keys
{
    /// <summary>Lower case, no diacritics (ä → a, ß → ss), runs of other characters as one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                if (ch == 'ß') sb.Append("ss");
                else sb.Append(char.ToLowerInvariant(ch));
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>A person's surname, folded and with the German transliteration of Russian and Ukrainian names
    /// mapped to the English one (tsch and tch → ch, sch → sh, w → v, j → y, final ow/ew → ov/ev), so
    /// "Korotschenko" and "Korotchenko", "Smirnow" and "Smirnov", "Solowjow" and "Solovyov" meet. The key is only
    /// compared, never shown, so mapping a native German w or j too does no harm.</summary>
    public static string Surname(string name)
    {
        var folded = Fold(name);
        int sp = folded.LastIndexOf(' ');
        var last = sp >= 0 ? folded[(sp + 1)..] : folded;
        last = last.Replace("tsch", "ch").Replace("tch", "ch").Replace("sch", "sh").Replace('w', 'v').Replace('j', 'y');
        if (last.Length > 3 && (last.EndsWith("ow") || last.EndsWith("ew"))) last = last[..^1] + "v";
        else if (last.Length > 4 && (last.EndsWith("owa") || last.EndsWith("ewa"))) last = last[..^2] + "va";
        return last;
    }

    /// <summary>The key of an entity: "g:" + gazetteer id when known, else by type: persons by surname,
    /// others by their folded name.</summary>
    public static string Entity(string type, string canonical, string? gazetteerId)
    {
        if (!string.IsNullOrEmpty(gazetteerId)) return "g:" + gazetteerId;
        return type switch
        {
            "person" => "person:" + Surname(canonical),
            _ => type + ":" + Fold(canonical),
        };
    }

    /// <summary>The key of a sourcing-chain hop without an entity: its kind and folded words
    /// ("anonymous:nordkoreanische quelle").</summary>
    public static string Phrase(string kind, string name) => kind switch
    {
        "person" => "person:" + Surname(name),
        _ => kind + ":" + Fold(name),
    };

    /// <summary>Short stable hex id of a string (first 5 bytes of its SHA-256).</summary>
    public static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..5]);
    }
}

/// <summary>Stable article ids: "a" + hash of the URL when there is one, else of the text (or of the path
/// when only a path is known). The same article read twice gets the same id.</summary>
public static class ArticleIds
{
    public static string Of(string? url, string? text, string? path)
    {
        if (!string.IsNullOrWhiteSpace(url)) return "a" + Keys.Hash("url:" + url.Trim());
        if (!string.IsNullOrEmpty(text)) return "a" + Keys.Hash("text:" + text);
        return "a" + Keys.Hash("path:" + (path ?? ""));
    }
}

/// <summary>Outlet names and web addresses resolved against the media gazetteer (LanguageData/common/media.tsv):
/// "FOCUS online", "focus.de" and "Focus" are one outlet, keyed "g:focus".</summary>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, (string Id, string Canonical, bool State)> _byName = new(StringComparer.Ordinal);

    private OutletDirectory()
    {
        // Columns: id, canonical, type, country, state_media, public, aliases, short, ambiguous.
        foreach (var r in LanguagePack.CommonRows("media"))
        {
            if (r.Length < 2) continue;
            bool state = r.Length > 4 && r[4] == "yes";
            var entry = (r[0], r[1], state);
            Add(r[1], entry);
            Add(r[0], entry); // the gazetteer id is a slug of the name ("nypost", "frankfurter-rundschau")
            if (r.Length > 6 && r[6] != "-")
                foreach (var alias in r[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(alias, entry);
            if (r.Length > 8 && r[8] != "-")
                foreach (var alias in r[8].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(alias, entry);
        }
    }

    private void Add(string name, (string, string, bool) entry)
    {
        var key = Keys.Fold(name);
        if (key.Length > 0) _byName.TryAdd(key, entry);
    }

    public static OutletDirectory Default { get; } = new();

    /// <summary>The outlet's key and display name: the gazetteer's when the name (or, failing that, the URL's
    /// host) is known there, else "outlet:" + the folded name.</summary>
    public (string Key, string Name, bool StateMedia) Resolve(string? outlet, string? url = null)
    {
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            if (Lookup(outlet) is { } hit) return hit;
            // "Focus Online", "Der Spiegel", "The Guardian": try without the article and a trailing "online".
            var folded = Keys.Fold(outlet);
            foreach (var trimmed in Variants(folded))
                if (_byName.TryGetValue(trimmed, out var e)) return ("g:" + e.Id, e.Canonical, e.State);
            return ("outlet:" + folded, outlet.Trim(), false);
        }
        if (!string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
            if (Lookup(host) is { } hit) return hit;
            return ("outlet:" + Keys.Fold(host), host, false);
        }
        return ("", "", false);
    }

    /// <summary>The outlet a file name names, if any: the whole name or one of its parts of four or more letters
    /// is an outlet of the gazetteer ("nypost.txt", "03-focus-de.txt"). For articles that come with no outlet.</summary>
    public string? FromFileName(string path)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        if (Lookup(stem) is { } whole) return whole.Item2;
        var parts = stem.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        // Runs of three, two, then single parts ("frankfurter-rundschau" inside "2023-03-04_frankfurter-rundschau").
        for (int n = Math.Min(3, parts.Length); n >= 1; n--)
            for (int i = 0; i + n <= parts.Length; i++)
            {
                var run = string.Join(' ', parts[i..(i + n)]);
                if (run.Length >= 4 && !run.All(c => char.IsDigit(c) || c == ' ') && Lookup(run) is { } hit) return hit.Item2;
            }
        return null;
    }

    private (string, string, bool)? Lookup(string name) =>
        _byName.TryGetValue(Keys.Fold(name), out var e) ? ("g:" + e.Id, e.Canonical, e.State) : null;

    private static IEnumerable<string> Variants(string folded)
    {
        foreach (var article in new[] { "the ", "der ", "die ", "das " })
            if (folded.StartsWith(article, StringComparison.Ordinal)) yield return folded[article.Length..];
        foreach (var suffix in new[] { " online", " de", " com", " news" })
            if (folded.EndsWith(suffix, StringComparison.Ordinal)) yield return folded[..^suffix.Length];
    }
}

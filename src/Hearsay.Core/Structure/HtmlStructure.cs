using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>
/// Extracts the article from an HTML page and builds its text and structure at once.
/// <list type="bullet">
/// <item>Root: the &lt;article&gt; holding the most paragraph text (when it holds a fair share of the
/// page's), else &lt;main&gt; / [role=main], else &lt;body&gt;.</item>
/// <item>Dropped: script, style, forms, nav, aside, footer, header outside the article (unless it holds
/// the headline), hidden elements, and elements whose class or id names noise
/// (LanguageData/common/html-class-hints.tsv: ads, promos, newsletters, related links, comments,
/// cookie banners, social sharing).</item>
/// <item>Blocks: the headline (h1, else og:title / JSON-LD headline / &lt;title&gt;) is the title;
/// h2–h6 are subheadings; paragraphs are classified by class hints (byline, teaser, caption, date) and
/// by shape (a "By …" line before the body is a byline, a paragraph that is all bold is a teaser before
/// the body and a subheading inside it); figure/figcaption give captions, with the credit taken from a
/// credit element (.credit, small) or a closing "© …" / "Foto: …".</item>
/// <item>Missing parts come from the page's metadata: byline from meta author or JSON-LD, teaser from
/// the meta description (when the body does not already hold it), the publication date from
/// article:published_time, JSON-LD datePublished or time[datetime].</item>
/// </list>
/// The text is the blocks joined by blank lines ("\n\n"); inline whitespace is collapsed, &lt;br&gt;
/// becomes a line break. Malformed HTML is repaired by the parser; nothing here throws on bad markup.
/// </summary>
public static class HtmlStructure
{
    private const int MaxDepth = 300;
    private const int MaxBylineChars = 200;
    /// <summary>A heading longer than this that ends like a sentence is a teaser set as a heading.</summary>
    private const int MaxSubheadingForHeading = 150;

    private static readonly HashSet<string> SkipTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
        "form", "button", "input", "select", "textarea", "nav", "aside", "footer", "dialog", "audio",
        "video", "source", "track", "map", "link", "meta", "head", "title", "menu", "img", "picture",
    };

    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "br", "font", "del",
        "ins", "label", "big", "tt", "strike", "nobr", "img", "picture", "output",
    };

    private static readonly HashSet<string> SkipRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    };

    /// <summary>Parses <paramref name="html"/> and returns the article: text, structure, and metadata
    /// completed from the page (media type "text/html"; date, URL and outlet when the caller gave none).</summary>
    public static Article Read(string html, ArticleMetadata? metadata = null)
    {
        var parser = new HtmlParser(new HtmlParserOptions { SkipComments = true });
        var doc = parser.ParseDocument(html);
        var page = new PageInfo(doc);
        var builder = new Extractor(doc, page);
        builder.Run();
        var (text, structure) = builder.Assemble();

        var meta = (metadata ?? new ArticleMetadata()) with { MediaType = "text/html" };
        if (meta.Published is null && page.Published is not null) meta = meta with { Published = page.Published };
        if (meta.Url is null && page.Url is not null) meta = meta with { Url = page.Url };
        if (meta.Outlet is null && page.SiteName is not null) meta = meta with { Outlet = page.SiteName };
        var article = new Article(text, meta) { Structure = structure };
        return article;
    }

    /// <summary>What the page says about itself in head metadata and JSON-LD.</summary>
    private sealed class PageInfo
    {
        public string? Headline, SiteName, Url, Description;
        public List<string> Authors = new();
        public DateTimeOffset? Published;

        public PageInfo(IHtmlDocument doc)
        {
            string? Meta(string attr, string name)
            {
                foreach (var m in doc.QuerySelectorAll("meta"))
                    if (string.Equals(m.GetAttribute(attr), name, StringComparison.OrdinalIgnoreCase))
                    {
                        var c = m.GetAttribute("content")?.Trim();
                        if (!string.IsNullOrEmpty(c)) return c;
                    }
                return null;
            }
            SiteName = Meta("property", "og:site_name");
            Url = Meta("property", "og:url") ?? doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            Description = Meta("name", "description") ?? Meta("property", "og:description");
            Headline = Meta("property", "og:title") ?? Meta("name", "twitter:title");
            var author = Meta("name", "author") ?? Meta("property", "article:author");
            if (author is not null && !author.Contains("://", StringComparison.Ordinal)) Authors.Add(author);
            Published = ParseDate(Meta("property", "article:published_time") ?? Meta("itemprop", "datePublished")
                                  ?? Meta("name", "date") ?? Meta("name", "pubdate") ?? Meta("name", "dc.date"));
            foreach (var script in doc.QuerySelectorAll("script"))
                if (string.Equals(script.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    ReadJsonLd(script.TextContent);
            if (Headline is null)
            {
                var title = doc.Title?.Trim();
                if (!string.IsNullOrEmpty(title)) Headline = StripSiteName(title, SiteName);
            }
            if (Published is null)
                foreach (var t in doc.QuerySelectorAll("time[datetime]"))
                    if ((Published = ParseDate(t.GetAttribute("datetime"))) is not null) break;
        }

        private void ReadJsonLd(string json)
        {
            try
            {
                using var d = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Visit(d.RootElement, 0);
            }
            catch (JsonException) { /* a broken JSON-LD block is ignored, like a browser would */ }
        }

        private void Visit(JsonElement e, int depth)
        {
            if (depth > 8) return;
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray()) Visit(x, depth + 1);
                return;
            }
            if (e.ValueKind != JsonValueKind.Object) return;
            if (e.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1);
            if (!e.TryGetProperty("@type", out var type) || !IsArticleType(type)) return;
            if (Headline is null && e.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String) Headline = h.GetString();
            if (Description is null && e.TryGetProperty("description", out var ds) && ds.ValueKind == JsonValueKind.String) Description = ds.GetString();
            if (Published is null && e.TryGetProperty("datePublished", out var dp) && dp.ValueKind == JsonValueKind.String) Published = ParseDate(dp.GetString());
            if (Authors.Count == 0 && e.TryGetProperty("author", out var a)) AddAuthors(a);
        }

        private void AddAuthors(JsonElement a)
        {
            switch (a.ValueKind)
            {
                case JsonValueKind.String: Authors.Add(a.GetString()!); break;
                case JsonValueKind.Array: foreach (var x in a.EnumerateArray()) AddAuthors(x); break;
                case JsonValueKind.Object:
                    if (a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) Authors.Add(n.GetString()!);
                    break;
            }
        }

        private static bool IsArticleType(JsonElement type)
        {
            if (type.ValueKind == JsonValueKind.Array) return type.EnumerateArray().Any(IsArticleType);
            return type.ValueKind == JsonValueKind.String && (type.GetString() ?? "").EndsWith("Article", StringComparison.Ordinal);
        }
    }

    private static DateTimeOffset? ParseDate(string? s) =>
        !string.IsNullOrWhiteSpace(s) && DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>"Headline | Site" / "Headline - Site": drops the site name when it is known, or a short
    /// last part after a pipe.</summary>
    private static string StripSiteName(string title, string? site)
    {
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            int i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0) continue;
            var last = title[(i + sep.Length)..].Trim();
            if ((site is not null && last.Equals(site, StringComparison.OrdinalIgnoreCase)) || (sep == " | " && last.Length <= 30))
                return title[..i].Trim();
        }
        return title;
    }

    /// <summary>A block before assembly: kind, text, and where its parts lie in that text.</summary>
    private sealed class Pending(BlockKind kind, string text)
    {
        public BlockKind Kind { get; set; } = kind;
        public string Text { get; } = text;
        public (int Start, int End)? CaptionText;
        public (int Start, int End)? Credit;
        public List<TextSpan>? Authors;
    }

    private sealed class Extractor(IHtmlDocument doc, PageInfo page)
    {
        private readonly StructureLexicon _lex = StructureLexicon.Default;
        private readonly List<Pending> _blocks = new();
        private readonly StringBuilder _sb = new();
        private IElement _root = null!;
        private IElement? _headline;
        private bool _bodySeen;
        private bool _headlineChosen;
        private int _rootParagraphChars;

        public void Run()
        {
            var body = doc.Body ?? doc.DocumentElement;
            _root = ChooseRoot(body);
            _headline = FirstHeadline(_root) ?? FirstHeadline(body);
            _headlineChosen = true;
            if (_headline is not null && !_root.Contains(_headline)) AddHeading(_headline);
            _rootParagraphChars = ParagraphChars(_root);
            Walk(_root, 0);
            if (!_blocks.Any(b => b.Kind == BlockKind.Paragraph) && _root != body)
            {
                // The chosen root held no running text: take the whole body instead.
                _blocks.Clear();
                _bodySeen = false;
                _root = body;
                _rootParagraphChars = ParagraphChars(body);
                Walk(body, 0);
            }
            CompleteFromMetadata();
        }

        private IElement ChooseRoot(IElement body)
        {
            int total = ParagraphChars(body);
            IElement? best = null;
            int bestScore = -1;
            foreach (var a in body.QuerySelectorAll("article"))
            {
                int score = ParagraphChars(a);
                if (score > bestScore) { best = a; bestScore = score; }
            }
            if (best is not null && (bestScore >= total / 4 || bestScore >= 500)) return best;
            var main = body.QuerySelector("main") ?? body.QuerySelector("[role=main]");
            if (main is not null && ParagraphChars(main) >= total / 4) return main;
            var articleBody = body.QuerySelector("[itemprop=articleBody]");
            if (articleBody is not null) return articleBody.ParentElement ?? articleBody;
            return best is not null && bestScore > 0 ? best : body;
        }

        private static int ParagraphChars(IElement e)
        {
            int n = 0;
            foreach (var p in e.QuerySelectorAll("p")) n += p.TextContent.Length;
            return n;
        }

        /// <summary>The first visible h1 in <paramref name="scope"/>; when the page names its headline in
        /// metadata, the h1 that matches it is preferred (a site logo can be an h1 too).</summary>
        private IElement? FirstHeadline(IElement scope)
        {
            IElement? first = null;
            foreach (var h in scope.QuerySelectorAll("h1"))
            {
                if (IsDropped(h)) continue;
                var t = Collapse(h.TextContent);
                if (t.Length == 0) continue;
                if (page.Headline is null) return h;
                first ??= h;
                if (page.Headline.Contains(t, StringComparison.OrdinalIgnoreCase) || t.Contains(page.Headline, StringComparison.OrdinalIgnoreCase)) return h;
            }
            return first;
        }

        /// <summary>True when the element or one of its ancestors (up to the body) would be dropped.</summary>
        private bool IsDropped(IElement e)
        {
            for (var x = e; x is not null && x.LocalName != "body"; x = x.ParentElement)
                if (Skip(x, protect: false)) return true;
            return false;
        }

        private bool Skip(IElement e, bool protect = true)
        {
            var tag = e.LocalName;
            if (SkipTags.Contains(tag)) return true;
            if (e.HasAttribute("hidden") || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
            var style = e.GetAttribute("style");
            if (style is not null && (style.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase)
                                      || style.Replace(" ", "").Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase))) return true;
            var role = e.GetAttribute("role");
            if (role is not null && SkipRoles.Contains(role)) return true;
            if (tag == "header" && _headlineChosen && e.Closest("article, main") is null && (_headline is null || !e.Contains(_headline))) return true;
            if (RoleOf(e) != HtmlRole.Noise) return false;
            // Class words can mislead ("share-enabled" on the article's wrapper): never drop the headline
            // or most of the running text.
            if (!protect) return true;
            if (_headline is not null && e.Contains(_headline)) return false;
            return _rootParagraphChars == 0 || ParagraphChars(e) * 5 < _rootParagraphChars * 2;
        }

        /// <summary>The role named by the element's attributes: rel/itemprop, then class and id words.</summary>
        private HtmlRole RoleOf(IElement e)
        {
            var rel = e.GetAttribute("rel");
            if (rel is not null && rel.Contains("author", StringComparison.OrdinalIgnoreCase)) return HtmlRole.Byline;
            var prop = e.GetAttribute("itemprop");
            if (prop is not null)
            {
                if (prop.Contains("author", StringComparison.OrdinalIgnoreCase)) return HtmlRole.Byline;
                if (prop.Equals("description", StringComparison.OrdinalIgnoreCase)) return HtmlRole.Teaser;
            }
            var r = RoleOfWords(e.GetAttribute("class"));
            return r != HtmlRole.None ? r : RoleOfWords(e.Id);
        }

        private HtmlRole RoleOfWords(string? attr)
        {
            if (string.IsNullOrEmpty(attr)) return HtmlRole.None;
            var s = attr.AsSpan();
            var found = HtmlRole.None;
            int i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && !char.IsLetterOrDigit(s[i])) i++;
                int start = i;
                while (i < s.Length && char.IsLetterOrDigit(s[i]))
                {
                    i++;
                    // camelCase boundary: "articleByline" -> "article", "Byline"
                    if (i < s.Length && char.IsUpper(s[i]) && char.IsLower(s[i - 1])) break;
                }
                if (i == start) continue;
                var r = _lex.RoleOfClassWord(s[start..i]);
                // Noise wins over everything; otherwise the first role named.
                if (r == HtmlRole.Noise) return r;
                if (found == HtmlRole.None) found = r;
            }
            return found;
        }

        /// <summary>The nearest role among the element and its ancestors inside the root.</summary>
        private HtmlRole ContextRole(IElement e)
        {
            for (var x = e; x is not null && x != _root; x = x.ParentElement)
            {
                var r = RoleOf(x);
                if (r is not HtmlRole.None and not HtmlRole.Noise) return r;
            }
            return HtmlRole.None;
        }

        private void Walk(IElement container, int depth)
        {
            var inline = new StringBuilder();
            bool inlineOnlyTime = true;
            foreach (var child in container.ChildNodes)
            {
                if (child is IText t)
                {
                    AppendCollapsed(inline, t.Data);
                    if (!string.IsNullOrWhiteSpace(t.Data)) inlineOnlyTime = false;
                    continue;
                }
                if (child is not IElement e || Skip(e)) continue;
                if (InlineTags.Contains(e.LocalName) || depth >= MaxDepth)
                {
                    if (e.LocalName != "time") inlineOnlyTime = false;
                    AppendInline(inline, e);
                    continue;
                }
                FlushInline(inline, container, inlineOnlyTime);
                inlineOnlyTime = true;
                WalkBlock(e, depth + 1);
            }
            FlushInline(inline, container, inlineOnlyTime);
        }

        private void FlushInline(StringBuilder inline, IElement container, bool onlyTime)
        {
            var raw = inline.ToString();
            inline.Clear();
            // Text laid out with <br><br> instead of paragraphs: each run between blank lines is a paragraph.
            foreach (var part in raw.Split("\n\n", StringSplitOptions.None))
            {
                var text = Finish(new StringBuilder(part));
                if (text.Length == 0) continue;
                if (onlyTime) { Add(BlockKind.Other, text); continue; }
                AddParagraph(container, text, strongOnly: false);
            }
        }

        private void WalkBlock(IElement e, int depth)
        {
            switch (e.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    AddHeading(e);
                    return;
                case "p":
                    {
                        var text = InlineText(e);
                        if (text.Length > 0) AddParagraph(e, text, IsStrongOnly(e));
                        return;
                    }
                case "figure":
                    if (e.QuerySelector("blockquote") is not null && e.QuerySelector("img, picture, video, iframe") is null) break;
                    AddFigure(e);
                    return;
                case "figcaption":
                    AddFigure(e);
                    return;
                case "ul" or "ol" or "dl":
                    foreach (var li in e.Children)
                    {
                        if (Skip(li)) continue;
                        if (li.Children.Any(c => !InlineTags.Contains(c.LocalName) && !Skip(c))) Walk(li, depth + 1);
                        else
                        {
                            var text = InlineText(li);
                            if (text.Length > 0) AddParagraph(li, text, strongOnly: false);
                        }
                    }
                    return;
                case "table":
                    // Layout tables hold prose; data tables hold figures that make no sentences.
                    if (e.QuerySelector("p") is null || e.TextContent.Length < 500) return;
                    foreach (var cell in e.QuerySelectorAll("td, th")) if (!Skip(cell)) Walk(cell, depth + 1);
                    return;
                case "pre":
                    {
                        var text = InlineText(e);
                        if (text.Length > 0) AddParagraph(e, text, strongOnly: false);
                        return;
                    }
                case "hr" or "br":
                    return;
            }
            Walk(e, depth);
        }

        private void AddHeading(IElement h)
        {
            var text = InlineText(h);
            if (text.Length == 0) return;
            if (h == _headline || (_headline is null && h.LocalName == "h1" && !_blocks.Any(b => b.Kind == BlockKind.Title)))
            {
                if (_blocks.Any(b => b.Kind == BlockKind.Title)) return; // the headline shown twice
                Add(BlockKind.Title, text);
                return;
            }
            var role = ContextRole(h);
            if (!_bodySeen && (role == HtmlRole.Teaser || (text.Length > MaxSubheadingForHeading && EndsWithTerminal(text))))
            {
                Add(BlockKind.Teaser, text);
                return;
            }
            if (!_bodySeen && role == HtmlRole.Byline && TryByline(text, requireMarker: false)) return;
            Add(BlockKind.Subheading, text);
        }

        private void AddParagraph(IElement e, string text, bool strongOnly)
        {
            var role = ContextRole(e);
            switch (role)
            {
                case HtmlRole.Byline:
                    if (!_bodySeen && text.Length <= MaxBylineChars && TryByline(text, requireMarker: false)) return;
                    if (text.Length <= MaxBylineChars) { Add(BlockKind.Other, text); return; }
                    break;
                case HtmlRole.Caption:
                    AddCaption(text, null);
                    return;
                case HtmlRole.Credit:
                    AddCaption("", text);
                    return;
                case HtmlRole.Teaser when !_bodySeen:
                    Add(BlockKind.Teaser, text);
                    return;
                case HtmlRole.Date when text.Length <= 80:
                    Add(BlockKind.Other, text);
                    return;
            }
            if (!_bodySeen && text.Length <= MaxBylineChars && TryByline(text, requireMarker: true)) return;
            if (strongOnly)
            {
                if (_bodySeen && PlainTextStructure.IsSubheadingShape(text, new TextSpan(0, text.Length))) { Add(BlockKind.Subheading, text); return; }
                if (!_bodySeen && _blocks.Count > 0) { Add(BlockKind.Teaser, text); return; }
            }
            Add(BlockKind.Paragraph, text);
            _bodySeen = true;
        }

        private bool TryByline(string text, bool requireMarker)
        {
            var names = new List<TextSpan>(2);
            if (!Bylines.TryParse(text, 0, requireMarker, names)) return false;
            Add(BlockKind.Byline, text).Authors = names;
            return true;
        }

        private void AddFigure(IElement fig)
        {
            var caption = fig.LocalName == "figcaption" ? fig : fig.QuerySelector("figcaption");
            var credits = new List<IElement>();
            foreach (var d in fig.QuerySelectorAll("*"))
                if ((d.LocalName == "small" || RoleOf(d) == HtmlRole.Credit) && !credits.Any(c => c.Contains(d))) credits.Add(d);
            var captionText = caption is null ? "" : InlineText(caption, exclude: credits);
            var sb = new StringBuilder();
            foreach (var c in credits)
            {
                var t = InlineText(c);
                if (t.Length == 0) continue;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(t);
            }
            if (captionText.Length == 0 && sb.Length == 0) return;
            AddCaption(captionText, sb.Length > 0 ? sb.ToString() : null);
        }

        /// <summary>A caption block: caption text, then the credit text when it came from its own element;
        /// otherwise the credit is looked for at the caption's end.</summary>
        private void AddCaption(string captionText, string? creditText)
        {
            if (creditText is not null)
            {
                var text = captionText.Length == 0 ? creditText : captionText + " " + creditText;
                int off = captionText.Length == 0 ? 0 : captionText.Length + 1;
                var (cs, ce) = Credits.StripMarker(creditText);
                var p = Add(BlockKind.Caption, text);
                p.CaptionText = captionText.Length == 0 ? (0, text.Length) : (0, captionText.Length);
                p.Credit = (off + cs, off + ce);
                return;
            }
            var q = Add(BlockKind.Caption, captionText);
            if (Credits.TryFindTail(captionText, out int marker, out int s, out int e))
            {
                int end = marker;
                while (end > 0 && (char.IsWhiteSpace(captionText[end - 1]) || captionText[end - 1] is '(' or '[' or '|' or '/' or '–' or '—' or '-')) end--;
                q.CaptionText = end > 0 ? (0, end) : (0, captionText.Length);
                q.Credit = (s, e);
            }
            else q.CaptionText = (0, captionText.Length);
        }

        private Pending Add(BlockKind kind, string text)
        {
            var p = new Pending(kind, text);
            _blocks.Add(p);
            return p;
        }

        /// <summary>Fills in title, byline and teaser from the page's metadata when the body had none.</summary>
        private void CompleteFromMetadata()
        {
            int at = 0;
            if (!_blocks.Any(b => b.Kind == BlockKind.Title) && !string.IsNullOrWhiteSpace(page.Headline))
                _blocks.Insert(0, new Pending(BlockKind.Title, Collapse(page.Headline!)));
            int title = _blocks.FindIndex(b => b.Kind == BlockKind.Title);
            at = title + 1;
            if (!_blocks.Any(b => b.Kind == BlockKind.Byline))
            {
                // A byline outside the article root (in a page header next to the headline).
                foreach (var e in doc.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<IElement>())
                {
                    if (RoleOf(e) != HtmlRole.Byline || _root.Contains(e) || IsDropped(e)) continue;
                    var text = InlineText(e);
                    var names = new List<TextSpan>(2);
                    if (text.Length == 0 || text.Length > MaxBylineChars || !Bylines.TryParse(text, 0, requireMarker: false, names)) continue;
                    _blocks.Insert(at, new Pending(BlockKind.Byline, text) { Authors = names });
                    break;
                }
            }
            if (!_blocks.Any(b => b.Kind == BlockKind.Byline) && page.Authors.Count > 0)
            {
                var line = new StringBuilder();
                var spans = new List<TextSpan>();
                foreach (var a in page.Authors.Select(Collapse).Where(a => a.Length > 0).Distinct())
                {
                    if (line.Length > 0) line.Append(", ");
                    spans.Add(new TextSpan(line.Length, a.Length));
                    line.Append(a);
                }
                if (spans.Count > 0) _blocks.Insert(at, new Pending(BlockKind.Byline, line.ToString()) { Authors = spans });
            }
            if (!_blocks.Any(b => b.Kind == BlockKind.Teaser) && !string.IsNullOrWhiteSpace(page.Description))
            {
                var d = Collapse(page.Description!);
                var probe = d.Length > 60 ? d[..60] : d;
                // A description that repeats (the start of) a paragraph adds nothing.
                if (d.Length >= 20 && !_blocks.Any(b => b.Text.Contains(probe, StringComparison.Ordinal)))
                {
                    int pos = _blocks.FindLastIndex(b => b.Kind is BlockKind.Title or BlockKind.Byline) + 1;
                    _blocks.Insert(pos, new Pending(BlockKind.Teaser, d));
                }
            }
        }

        public (string Text, ArticleStructure Structure) Assemble()
        {
            var st = new ArticleStructure();
            _sb.Clear();
            foreach (var p in _blocks)
            {
                if (p.Text.Length == 0) continue;
                if (_sb.Length > 0) _sb.Append("\n\n");
                int start = _sb.Length;
                _sb.Append(p.Text);
                var span = new TextSpan(start, p.Text.Length);
                if (p.Kind == BlockKind.Caption)
                {
                    var (ts, te) = p.CaptionText ?? (0, p.Text.Length);
                    TextSpan? credit = p.Credit is { } c && c.End > c.Start ? TextSpan.FromBounds(start + c.Start, start + c.End) : null;
                    st.Captions.Add(new Caption(st.Blocks.Count, TextSpan.FromBounds(start + ts, start + te), credit));
                }
                if (p.Kind == BlockKind.Title && st.Title is null) st.Title = span;
                if (p.Authors is not null)
                    foreach (var a in p.Authors) st.Authors.Add(new TextSpan(start + a.Start, a.Length));
                st.Blocks.Add(new Block(p.Kind, span));
            }
            var text = _sb.ToString();
            // The dateline opens the first body paragraph.
            foreach (var b in st.Blocks)
            {
                if (b.Kind != BlockKind.Paragraph) continue;
                if (Datelines.TryMatch(text.AsSpan(b.Span.Start, b.Span.Length), b.Span.Start, out var m))
                {
                    st.Dateline = m.Whole;
                    st.DatelinePlace = m.Place;
                    st.DatelineAgency = m.Agency;
                }
                break;
            }
            return (text, st);
        }

        private bool IsStrongOnly(IElement p)
        {
            bool any = false;
            foreach (var n in p.ChildNodes)
            {
                if (n is IText t) { if (!string.IsNullOrWhiteSpace(t.Data)) return false; continue; }
                if (n is IElement e)
                {
                    if (e.LocalName is "strong" or "b") any = true;
                    else if (e.LocalName != "br") return false;
                }
            }
            return any;
        }

        private string InlineText(IElement e, List<IElement>? exclude = null)
        {
            var sb = new StringBuilder();
            AppendInline(sb, e, exclude);
            return Finish(sb);
        }

        /// <summary>Appends the text of <paramref name="e"/> and its descendants, skipping dropped
        /// elements; iterative, so deep nesting cannot overflow the stack.</summary>
        private void AppendInline(StringBuilder sb, IElement e, List<IElement>? exclude = null)
        {
            var stack = new Stack<INode>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is IText t) { AppendCollapsed(sb, t.Data); continue; }
                if (node is not IElement el) continue;
                if (el != e && (Skip(el) || (exclude is not null && exclude.Contains(el)))) continue;
                if (el.LocalName == "br")
                {
                    TrimEndSpace(sb);
                    // Keep at most one blank line: a run of <br> marks one paragraph break.
                    if (!(sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n')) sb.Append('\n');
                    continue;
                }
                // Block elements inside inline content still separate words.
                if (!InlineTags.Contains(el.LocalName) && sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') sb.Append(' ');
                var children = el.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
            }
        }

        private static void AppendCollapsed(StringBuilder sb, string s)
        {
            foreach (char c in s)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') sb.Append(' ');
                }
                else sb.Append(c);
            }
        }

        private static void TrimEndSpace(StringBuilder sb)
        {
            while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        }

        /// <summary>Trims the collected text; lines are trimmed and empty lines dropped, so a block never
        /// holds a blank line.</summary>
        private static string Finish(StringBuilder sb)
        {
            var s = sb.ToString();
            if (s.IndexOf('\n') < 0) return s.Trim();
            var lines = s.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
            return string.Join('\n', lines);
        }

        private static string Collapse(string s)
        {
            var sb = new StringBuilder(s.Length);
            AppendCollapsed(sb, s);
            return sb.ToString().Trim();
        }

        private static bool EndsWithTerminal(string s)
        {
            int e = s.Length - 1;
            while (e > 0 && (Text.CharClass.IsQuote(s[e]) || s[e] == ')')) e--;
            return e >= 0 && Text.CharClass.IsTerminal(s[e]);
        }
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Hearsay.Tests.Store;

/// <summary>Small articles written for these tests (German and English), numbered so that each text differs,
/// and builders for the container formats: JSON Lines, WARC records, gzip members.</summary>
internal static class StoreTestData
{
    private static readonly string[] Towns = ["Ahlen", "Borken", "Celle", "Dessau", "Emden", "Fulda", "Goslar", "Hameln"];
    private static readonly string[] Surnames = ["Roth", "Keller", "Brandt", "Vogel", "Hartmann", "Lang", "Seidel", "Kraus"];

    /// <summary>A German article with a direct quote, an indirect statement with a medium, and a hedge.</summary>
    public static string German(int i)
    {
        string town = Towns[i % Towns.Length], name = Surnames[(i / Towns.Length) % Surnames.Length];
        return $"{town} plant Brücke Nummer {i}\n\n" +
               $"{town} – Die Stadt will bis {2030 + i % 7} eine neue Brücke über den Fluss bauen. " +
               $"„Wir beginnen im Frühjahr mit Abschnitt {i}“, sagte Bürgermeisterin Anna {name} am Montag. " +
               $"Die Kosten lägen bei rund {10 + i % 90} Millionen Euro, sagte ein Sprecher der Stadt dem NDR. " +
               "Kritiker halten den Plan angeblich für zu teuer.\n";
    }

    /// <summary>An English article with a direct quote, an "according to" and a relay.</summary>
    public static string English(int i)
    {
        string town = Towns[i % Towns.Length], name = Surnames[(i / Towns.Length) % Surnames.Length];
        return $"{town} plans bridge number {i}\n\n" +
               $"The city of {town} wants to build a new bridge across the river by {2030 + i % 7}. " +
               $"\"We start with section {i} in spring,\" Mayor Tom {name} said on Monday, as the Globe reported. " +
               $"According to the city's budget office, the bridge could cost about ${10 + i % 90} million.\n";
    }

    public static string Article(int i) => i % 2 == 0 ? German(i) : English(i);

    /// <summary>One JSON object per line with text, title, url, outlet and published date.</summary>
    public static string JsonLines(int count, int from = 0)
    {
        var sb = new StringBuilder();
        for (int i = from; i < from + count; i++)
        {
            var text = Article(i);
            int nl = text.IndexOf('\n');
            sb.Append(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["title"] = text[..nl],
                ["text"] = text[(nl + 2)..],
                ["url"] = $"https://news.example/{i}",
                ["outlet"] = i % 2 == 0 ? "Tagesblatt" : "Daily Example",
                ["published"] = $"2026-01-{1 + i % 28:00}T08:00:00Z",
            })).Append('\n');
        }
        return sb.ToString();
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    /// <summary>A WARC record; <paramref name="lengthDelta"/> falsifies its Content-Length.</summary>
    public static byte[] WarcRecord(string type, string? uri, string contentType, byte[] block, int lengthDelta = 0)
    {
        var head = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n")
            .Append("WARC-Date: 2026-01-05T10:00:00Z\r\n");
        if (uri is not null) head.Append($"WARC-Target-URI: {uri}\r\n");
        head.Append($"Content-Type: {contentType}\r\n")
            .Append($"Content-Length: {block.Length + lengthDelta}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    /// <summary>An HTTP response as a WARC response record holds it.</summary>
    public static byte[] HttpResponse(string contentType, byte[] body, int status = 200, string extraHeaders = "")
    {
        var head = $"HTTP/1.1 {status} OK\r\nContent-Type: {contentType}\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    public static byte[] Html(string title, string body) =>
        Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1>" +
                               string.Concat(body.Split("\n\n").Select(p => $"<p>{p}</p>")) + "</body></html>");

    /// <summary>A response record holding an article page.</summary>
    public static byte[] ArticleResponse(int i, string uri)
    {
        var text = Article(i);
        int nl = text.IndexOf('\n');
        return WarcRecord("response", uri, "application/http; msgtype=response",
            HttpResponse("text/html; charset=utf-8", Html(text[..nl], text[(nl + 2)..])));
    }
}

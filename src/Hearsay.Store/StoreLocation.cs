namespace Hearsay.Store;

/// <summary>
/// Where the store is when the user does not say: <c>--store PATH</c>, else <c>$HEARSAY_STORE</c>, else
/// <c>hearsay/hearsay.db</c> in the user's local data folder: <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on
/// Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows. One store per user
/// by default, so <c>hearsay ingest</c> and <c>hearsay sources</c> meet from any folder.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "HEARSAY_STORE";
    public const string FileName = "hearsay.db";

    /// <param name="option">The --store value, or null.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="currentDirectory">Relative paths resolve against this.</param>
    public static string Resolve(string? option, Func<string, string?> environment, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option, currentDirectory);
        var env = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env, currentDirectory);
        return Default(environment);
    }

    /// <summary>The per-user default path.</summary>
    public static string Default(Func<string, string?> environment)
    {
        string? root = null;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD())
        {
            var xdg = environment("XDG_DATA_HOME");
            root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg : null;
        }
        root ??= Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "hearsay", FileName);
    }
}

using System.CommandLine;
using Hearsay.Cli.Commands;

var root = new RootCommand("Hearsay: who says what in a news article, and through whom.");
root.Subcommands.Add(EvalCommand.Create());
return root.Parse(args).Invoke();

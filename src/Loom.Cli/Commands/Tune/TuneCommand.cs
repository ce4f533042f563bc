using System.CommandLine;

namespace Loom.Cli.Commands.Tune;

/// <summary><c>loom tune</c>: hyperparameter search for any command, described by a YAML spec.</summary>
internal static class TuneCommand
{
    public static Command Create() =>
        new("tune", "Tune the hyperparameters of a command: run an experiment from a YAML spec, show one, or continue an interrupted one.")
        {
            TuneRunCommand.Create(),
            TuneStatusCommand.Create(),
            TuneRestoreCommand.Create(),
        };
}

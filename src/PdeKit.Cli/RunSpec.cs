using System.Text.Json;
using PdeKit.Training;

namespace PdeKit.Cli;

/// <summary>What a run directory's spec.json holds: enough to replay the run with <c>pdekit train --spec</c>.</summary>
/// <param name="Problem">Catalogue name.</param>
/// <param name="ProblemParameters">Problem parameter values.</param>
/// <param name="Preset">Preset the options started from.</param>
/// <param name="Options">The full training options.</param>
/// <param name="PdeKitVersion">Version of PdeKit that wrote it.</param>
internal sealed record RunSpec(string Problem, Dictionary<string, double> ProblemParameters, string Preset, TrainingOptions Options, string PdeKitVersion)
{
    /// <summary>
    /// A parameter curriculum run before the final training, or null: the problem is first trained at each of
    /// <see cref="CurriculumSpec.Values"/> of the parameter, each stage warm-started from the previous one, and
    /// the final stage (at <see cref="ProblemParameters"/>) warm-starts from the last of them.
    /// </summary>
    public CurriculumSpec? Curriculum { get; init; }

    internal static RunSpec Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run spec {path} does not exist");
        try
        {
            return JsonSerializer.Deserialize<RunSpec>(File.ReadAllText(path), OptionsBinder.Json)
                ?? throw new InvalidDataException($"run spec {path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"run spec {path} is not valid: {e.Message}");
        }
    }
}

/// <summary>The earlier stages of a parameter curriculum (<c>pdekit train --curriculum NAME=v1,v2,...</c>).</summary>
/// <param name="Parameter">The problem parameter, e.g. "re".</param>
/// <param name="Values">Its values in the stages before the final one.</param>
internal sealed record CurriculumSpec(string Parameter, double[] Values);

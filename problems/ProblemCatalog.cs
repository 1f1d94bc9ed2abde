using System.Globalization;
using PdeKit.Physics;
using PdeKit.Training;

namespace PdeKit.Problems;

/// <summary>One entry of the problem catalogue.</summary>
/// <param name="Name">Name used on the command line, e.g. "burgers".</param>
/// <param name="Summary">One line describing the problem.</param>
/// <param name="Reference">What the problem is validated against.</param>
/// <param name="Parameters">Problem parameters settable with --set problem.NAME=value, with defaults.</param>
/// <param name="Create">Creates the problem from parameter values.</param>
/// <param name="Presets">Named training presets ("quick", "default", "best").</param>
public sealed record CatalogEntry(
    string Name, string Summary, string Reference,
    IReadOnlyDictionary<string, double> Parameters,
    Func<IReadOnlyDictionary<string, double>, IProblem> Create,
    IReadOnlyDictionary<string, TrainingOptions> Presets)
{
    /// <summary>The parameter defaults overridden by <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">An unknown parameter name.</exception>
    public Dictionary<string, double> Merge(IReadOnlyDictionary<string, double>? values = null)
    {
        var merged = new Dictionary<string, double>(Parameters);
        foreach (var (k, v) in values ?? new Dictionary<string, double>())
        {
            if (!merged.ContainsKey(k))
                throw new ArgumentException($"{Name} has no parameter '{k}' (parameters: {string.Join(", ", Parameters.Keys)})");
            merged[k] = v;
        }
        return merged;
    }

    /// <summary>Creates the problem with defaults overridden by <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">An unknown parameter name.</exception>
    public IProblem Build(IReadOnlyDictionary<string, double>? values = null) => Create(Merge(values));

    /// <summary>The named preset.</summary>
    /// <exception cref="ArgumentException">No such preset.</exception>
    public TrainingOptions Preset(string name) => Presets.TryGetValue(name, out var p) ? p
        : throw new ArgumentException($"{Name} has no preset '{name}' (presets: {string.Join(", ", Presets.Keys)})");
}

/// <summary>The problems PdeKit ships, as listed by <c>pdekit list</c>.</summary>
public static class ProblemCatalog
{
    /// <summary>All entries, in display order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        new("burgers", "viscous Burgers u_t + u u_x = nu u_xx, x in [-1,1], t in [0,1], u0 = -sin(pi x)",
            "exact Cole-Hopf (Gauss-Hermite); finite-difference solver",
            new Dictionary<string, double> { ["nu"] = 0.01 / Math.PI },
            p => new Burgers(p["nu"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = BurgersPresets.Quick, ["default"] = BurgersPresets.Default, ["best"] = BurgersPresets.Best }),
        new("allen-cahn", "Allen-Cahn u_t = D u_xx + R (u - u^3), x in [-1,1] periodic, t in [0,1], u0 = x^2 cos(pi x)",
            "Fourier spectral + ETDRK4 solver (2048 modes)",
            new Dictionary<string, double> { ["diffusion"] = 1e-4, ["reaction"] = 5 },
            p => new AllenCahn(p["diffusion"], p["reaction"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = AllenCahnPresets.Quick, ["default"] = AllenCahnPresets.Default, ["best"] = AllenCahnPresets.Best }),
        new("diffusivity-radial", "radial flow to a well at constant rate, infinite reservoir, dimensionless, axes ln r_D and ln t_D",
            "line source -Ei(-r_D^2/4t_D)/2 (own Ei); radial finite-difference solver",
            new Dictionary<string, double> { ["rMax"] = 1e3, ["tMin"] = 1e2, ["tMax"] = 1e6 },
            p => new RadialDiffusivity(p["rMax"], p["tMin"], p["tMax"], logCoordinates: true),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.Quick, ["default"] = DiffusivityPresets.Default }),
        new("diffusivity-radial-plain", "the same radial flow with plain axes r_D and t_D (the single plain network, for comparison)",
            "line source -Ei(-r_D^2/4t_D)/2 (own Ei)",
            new Dictionary<string, double> { ["rMax"] = 1e3, ["tMin"] = 1e2, ["tMax"] = 1e6 },
            p => new RadialDiffusivity(p["rMax"], p["tMin"], p["tMax"], logCoordinates: false),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.Quick, ["default"] = DiffusivityPresets.Default }),
        new("diffusivity-linear", "linear flow from a constant-pressure face into a closed slab, dimensionless x_D in [0,1], t_D in [tMin, tMax]",
            "exact image / Fourier series (Carslaw and Jaeger 1959)",
            new Dictionary<string, double> { ["tMin"] = 0.05, ["tMax"] = 1 },
            p => new LinearDiffusivityProblem(p["tMin"], p["tMax"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.Quick, ["default"] = DiffusivityPresets.Default }),
        new("diffusivity-closed", "constant-rate well with skin and wellbore storage in a closed circular reservoir, axes ln r_D and ln t_D",
            "van Everdingen-Hurst / Agarwal et al. exact solution (Stehfest inversion); radial finite-difference solver",
            new Dictionary<string, double> { ["reD"] = 10, ["tMin"] = 0.1, ["tMax"] = 100, ["skin"] = 0, ["storage"] = 0 },
            p => new RadialClosed(p["reD"], p["tMin"], p["tMax"], p["skin"], p["storage"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.Quick, ["default"] = DiffusivityPresets.Default }),
        new("diffusivity-2d", "transient diffusivity in a heterogeneous square, k = exp(sigma sin(2 pi x) sin(pi y)), pressure raised at the west face, sealed north and south",
            "heterogeneous finite-volume solver (128 x 128 cells, BDF2)",
            new Dictionary<string, double> { ["sigma"] = 1, ["tau"] = 0.05, ["tMax"] = 0.5 },
            p => new HeterogeneousDiffusivity(p["sigma"], p["tau"], p["tMax"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.Quick, ["default"] = DiffusivityPresets.Default }),
        new("diffusivity-radial-inverse", "permeability from 50 noisy well pressures: radial flow with trainable k/k0 (synthetic data from the FD solver)",
            "radial finite-difference solver at the true k/k0; the recovered unknown kappa vs kappaTrue",
            new Dictionary<string, double> { ["kappaTrue"] = 1.8, ["kappaStart"] = 1.0, ["samples"] = 50, ["noise"] = 0.01, ["seed"] = 7 },
            p => new RadialInverse(p["kappaTrue"], p["kappaStart"], (int)p["samples"], p["noise"], (int)p["seed"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.InverseQuick, ["default"] = DiffusivityPresets.InverseDefault }),
        new("diffusivity-welltest", "well-test interpretation by PINN: k and skin (and wellbore storage with problem.fitStorage=1, problem.firstHour=0.1) trained from 50 noisy drawdown pressures over 10-100 h (synthetic, FD model, Lee Example 2.12 well data); kStart > 0 sets the start (kStart, skinStart, storageStart) instead of the semilog guess; field data: pdekit fit-welltest --method pinn",
            "radial finite-difference solver with the true k, S, C; the recovered unknowns vs the truth",
            new Dictionary<string, double> { ["k"] = 7, ["skin"] = 5, ["storage"] = 0.01, ["samples"] = 50, ["noise"] = 0.01, ["seed"] = 7, ["firstHour"] = 10, ["lastHour"] = 100, ["fitStorage"] = 0, ["kStart"] = 0, ["skinStart"] = 0, ["storageStart"] = 0 },
            p => WellTestInverse.Synthetic(WellTestInverse.LeeExample212Setup, new Numerics.Reservoir.WellTestModelParameters(p["k"], p["skin"], p["storage"], null),
                (int)p["samples"], p["noise"], (int)p["seed"], p["firstHour"], p["lastHour"], p["fitStorage"] != 0,
                p["kStart"] > 0 ? new Numerics.Reservoir.WellTestModelParameters(p["kStart"], p["skinStart"], p["storageStart"], null) : null),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.InverseQuick, ["default"] = DiffusivityPresets.InverseDefault }),
        new("diffusivity-sealing", "distance to a sealing boundary from 50 noisy face pressures: constant-rate linear flow, trainable L in scaled coordinates xi = x/L, ln(t/L^2) (synthetic, exact model); start 0 = the Cartesian pseudo-steady-state estimate",
            "exact slab solution (Carslaw and Jaeger 1959); the recovered L vs the true distance; classical fit: SealingBoundary.Fit",
            new Dictionary<string, double> { ["distance"] = 2, ["start"] = 0, ["samples"] = 50, ["noise"] = 0.01, ["seed"] = 7, ["tFirst"] = 0.04, ["tLast"] = 4 },
            p => new SealingBoundaryInverse(p["distance"], p["start"], (int)p["samples"], p["noise"], (int)p["seed"], p["tFirst"], p["tLast"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = DiffusivityPresets.SealingQuick, ["default"] = DiffusivityPresets.SealingDefault }),
        new("poisson-square", "-Laplace(u) = f on the unit square, u = sin(pi x) sin(pi y), hard Dirichlet constraint",
            "exact solution; multigrid finite-difference solver",
            new Dictionary<string, double>(),
            _ => new PoissonSquare(1),
            new Dictionary<string, TrainingOptions> { ["quick"] = PoissonPresets.Quick, ["default"] = PoissonPresets.Default }),
        new("poisson-square-k4", "the same with u = sin(4 pi x) sin(4 pi y)",
            "exact solution; multigrid finite-difference solver",
            new Dictionary<string, double>(),
            _ => new PoissonSquare(4),
            new Dictionary<string, TrainingOptions> { ["quick"] = PoissonPresets.HighFrequencyQuick, ["default"] = PoissonPresets.HighFrequencyDefault }),
        new("poisson-lshape", "Laplace on the L-shape (-1,1)^2 minus [0,1)x(-1,0], u = r^(2/3) sin(2 theta/3): notch held by the ansatz, outer edges soft (corner 1: weight phi_notch r^(-1/3) from the corner angle and a residual scaled by (r^2/(r^2 + scaleRadius^2))^(2/3), scaleRadius 0 for none; 0: u = phi_notch N, the first version)",
            "exact solution; multigrid finite differences on the masked grid",
            new Dictionary<string, double> { ["corner"] = 1, ["scaleRadius"] = 0.2 },
            p => new PoissonLShape(LShapeCornerFrom(p["corner"]), p["scaleRadius"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = PoissonPresets.LShapeQuick, ["default"] = PoissonPresets.LShapeDefault }),
        new("poisson-plate", "steady pressure in a plate with an injector and a producer (Gmsh mesh meshes/plate-with-holes.msh), sealed top and bottom: hard ansatz u = g + phi N (ansatz 2, default: analytic phi, lift = the strip's Green's functions of the wells plus a small correction; 0: analytic phi of the ends and well circles, harmonic log-profile lift; 1: the mesh polygon's distance function and quintic plateaus, the first version)",
            "P1 finite elements on the mesh refined twice",
            new Dictionary<string, double> { ["ansatz"] = 2 },
            p => new PlateWells(PlateAnsatzFrom(p["ansatz"])),
            new Dictionary<string, TrainingOptions> { ["quick"] = PoissonPresets.PlateQuick, ["default"] = PoissonPresets.PlateDefault }),
        new("poisson-cube-hole", "-Laplace(u) = f in the unit cube minus a ball (radius holeRadius), u = sin(pi x) sin(pi y) sin(pi z) + (x + 2y + 3z)/6: hard ansatz u = g + phi N (adf 0: smooth box product R-joined with the sphere's distance function, 1: the region's normalised 3D distance function), g a radial blend of the face and hole data",
            "exact solution",
            new Dictionary<string, double> { ["holeRadius"] = 0.25, ["adf"] = 0 },
            p => new PoissonCubeHole(p["holeRadius"], CubeHoleAdfFrom(p["adf"])),
            new Dictionary<string, TrainingOptions> { ["quick"] = PoissonPresets.CubeHoleQuick, ["default"] = PoissonPresets.CubeHoleDefault }),
        new("kovasznay", "steady incompressible Navier-Stokes, Kovasznay flow on [-0.5,1]x[-0.5,1.5] (Re 20 or 40), hard velocity data (Coons patch), zero-mean pressure; form=uvp (u, v, p) or psi (stream function, exactly divergence-free, Hermite Coons lift)",
            "exact Kovasznay (1948) solution",
            new Dictionary<string, double> { ["re"] = 20, ["form"] = 0 },
            p => new NavierStokesKovasznay(p["re"], StreamFunction.FromParameter(p["form"], "kovasznay")),
            new Dictionary<string, TrainingOptions> { ["quick"] = NavierStokesPresets.Quick, ["default"] = NavierStokesPresets.Default }),
        new("poiseuille", "steady Navier-Stokes in the channel [0,L]x[0,1]: hard parabolic inflow and no slip, hard p = 0 and soft u_x = v_x = 0 at the outlet",
            "exact plane Poiseuille flow",
            new Dictionary<string, double> { ["re"] = 100, ["length"] = 2 },
            p => new NavierStokesChannel(p["re"], p["length"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = NavierStokesPresets.Quick, ["default"] = NavierStokesPresets.Default }),
        new("taylor-green", "decaying Taylor-Green vortex on the periodic square [0,2pi]^2, t in [0,tMax]: periodic axes, hard initial velocity, zero-mean pressure per time; form=uvp (u, v, p) or psi (stream function, exactly divergence-free)",
            "exact Taylor-Green (1937) solution",
            new Dictionary<string, double> { ["re"] = 10, ["tMax"] = 2, ["form"] = 0 },
            p => new NavierStokesTaylorGreen(p["re"], p["tMax"], StreamFunction.FromParameter(p["form"], "taylor-green")),
            new Dictionary<string, TrainingOptions> { ["quick"] = NavierStokesPresets.TaylorGreenQuick, ["default"] = NavierStokesPresets.Default }),
        new("cavity", "lid-driven cavity, steady Navier-Stokes on the unit square: lid 0 = uniform u = 1 (corner residual down-weighting cornerRadius), 1 = smoothed 16 x^2 (1-x)^2; form=uvp (u, v, p) or psi (stream function, exactly divergence-free); Re curriculum with --curriculum re=100,400,1000",
            "stream-function/vorticity finite-difference solver on fdN x fdN nodes (second order, multigrid; within 0.5% of Ghia et al. 1982 at Re 100 and 1.4% at Re 1000 on 129 x 129), solved once when first evaluated",
            new Dictionary<string, double> { ["re"] = 100, ["lid"] = 0, ["cornerRadius"] = 0.05, ["fdN"] = 129, ["form"] = 0 },
            p => new NavierStokesCavity(p["re"], CavityLidFrom(p["lid"]), CavityReference(p["re"], CavityLidFrom(p["lid"]), (int)p["fdN"]), cornerRadius: p["cornerRadius"],
                form: StreamFunction.FromParameter(p["form"], "cavity")),
            new Dictionary<string, TrainingOptions> { ["quick"] = NavierStokesPresets.Quick, ["default"] = NavierStokesPresets.Default }),
        new("cylinder-2d1", "steady flow past a cylinder, Schaefer-Turek benchmark 2D-1 (Re 20): channel [0,2.2]x[0,0.41] minus the disk r = 0.05 at (0.2,0.2), hard parabolic inflow (uMax) and no slip, hard p = 0 and soft u_x = v_x = 0 at the outlet",
            "no field reference: benchmark quantities c_D, c_L, delta-p (stress integral on the cylinder) vs the published 5.5795, 0.010618, 0.11752 (Schaefer and Turek 1996; FeatFlow digits)",
            new Dictionary<string, double> { ["uMax"] = 0.3, ["nu"] = 1e-3 },
            p => new NavierStokesCylinder(p["uMax"], p["nu"]),
            new Dictionary<string, TrainingOptions> { ["quick"] = NavierStokesPresets.CylinderQuick, ["default"] = NavierStokesPresets.CylinderDefault, ["best"] = NavierStokesPresets.CylinderBest }),
    ];

    /// <summary>The finite-difference cavity flow as a reference, solved on first use (the catalogue builds problems to check parameters, so it must not solve eagerly).</summary>
    private static Func<double, double, (double U, double V, double P)> CavityReference(double re, CavityLid lid, int n)
    {
        // Checked here so that a bad fdN fails when the problem is built, not at the first evaluation.
        var options = new Numerics.NavierStokes.CavityOptions(re, n, lid == CavityLid.Uniform ? Numerics.NavierStokes.LidProfile.Uniform : Numerics.NavierStokes.LidProfile.Smoothed);
        options.Validate();
        var flow = new Lazy<Numerics.NavierStokes.CavityFlow>(() => Numerics.NavierStokes.CavitySolver.Solve(options));
        return (x, y) => flow.Value.At(x, y);
    }

    /// <summary>The cavity's lid from its catalogue parameter: 0 uniform, 1 smoothed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other value.</exception>
    private static CavityLid CavityLidFrom(double value) => value switch
    {
        0 => CavityLid.Uniform,
        1 => CavityLid.Smoothed,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"cavity: lid must be 0 (uniform) or 1 (smoothed 16 x^2 (1 - x)^2) (got {value})"),
    };

    /// <summary>The cube-hole problem's distance function from its catalogue parameter: 0 the smooth box product, 1 the region's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other value.</exception>
    private static CubeHoleAdf CubeHoleAdfFrom(double value) => value switch
    {
        0 => CubeHoleAdf.SmoothBox,
        1 => CubeHoleAdf.Region,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"poisson-cube-hole: adf must be 0 (smooth box product) or 1 (the region's normalised distance function) (got {value})"),
    };

    /// <summary>The L-shape's corner treatment from its catalogue parameter: 0 plain, 1 graded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other value.</exception>
    private static LShapeCorner LShapeCornerFrom(double value) => value switch
    {
        0 => LShapeCorner.Plain,
        1 => LShapeCorner.Graded,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"poisson-lshape: corner must be 0 (u = phi N) or 1 (corner-graded weight phi r^(-1/3), scaled residual) (got {value})"),
    };

    /// <summary>The plate's ansatz from its catalogue parameter: 0 analytic, 1 the mesh polygon's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other value.</exception>
    private static PlateAnsatz PlateAnsatzFrom(double value) => value switch
    {
        0 => PlateAnsatz.Analytic,
        1 => PlateAnsatz.Mesh,
        2 => PlateAnsatz.Harmonic,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"poisson-plate: ansatz must be 0 (analytic phi, log-profile lift), 1 (mesh polygon phi, quintic plateaus) or 2 (analytic phi, harmonic Green's-function lift) (got {value})"),
    };

    /// <summary>Finds an entry by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such problem; the message lists the catalogue.</exception>
    public static CatalogEntry Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown problem '{name}' (known: {string.Join(", ", Entries.Select(e => e.Name))})");

    /// <summary>
    /// Parameters that also take names on the command line, with the numbers they stand for (the problem
    /// parameters are numbers): form = uvp (0, velocity-pressure) or psi (1, stream function).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> NamedValues { get; } = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.OrdinalIgnoreCase)
    {
        ["form"] = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["uvp"] = 0, ["psi"] = 1 },
    };

    /// <summary>
    /// Parses a parameter value (invariant culture), rejecting NaN and infinities; a parameter listed in
    /// <see cref="NamedValues"/> (key "NAME" or "problem.NAME") also takes its names.
    /// </summary>
    /// <exception cref="ArgumentException">Neither a finite number nor one of the parameter's names.</exception>
    public static double ParseValue(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        string name = key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase) ? key["problem.".Length..] : key;
        var names = NamedValues.GetValueOrDefault(name);
        if (names is not null && names.TryGetValue(text.Trim(), out var named)) return named;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new ArgumentException(names is null ? $"problem parameter {key}: '{text}' is not a finite number"
            : $"problem parameter {key}: '{text}' is neither one of {string.Join(", ", names.Select(kv => $"{kv.Key} ({kv.Value})"))} nor a finite number");
    }
}

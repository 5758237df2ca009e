namespace NestSharp.Numerics;

/// <summary>A function integrated by <see cref="GaussKronrodQuadrature"/>, as a struct so the rule's loop calls it directly.</summary>
internal interface IIntegrand
{
    /// <summary>The function's value at <paramref name="x"/>.</summary>
    double At(double x);
}

/// <summary>
/// The subintervals of one adaptive integration (GSL's gsl_integration_workspace): ends, results and error estimates,
/// at most <see cref="Limit"/>. One per thread: the integration writes into it.
/// </summary>
internal sealed class QuadratureWorkspace(int limit)
{
    public int Limit { get; } = limit;
    public double[] Lower { get; } = new double[limit];
    public double[] Upper { get; } = new double[limit];
    public double[] Result { get; } = new double[limit];
    public double[] Error { get; } = new double[limit];
}

/// <summary>
/// Adaptive integration of a smooth function over a finite interval with the 21-point Gauss-Kronrod rule (the rule and
/// error estimate of GSL's qk21, which NEST's siegert_neuron calls through gsl_integration_qags): the rule over the
/// whole interval first; while the summed error estimate exceeds max(epsabs, epsrel·|integral|) the subinterval with the
/// largest error is halved. Accepted as GSL does: an estimate within the tolerance (and not equal to the rule's
/// |f - mean| integral, GSL's sign of a useless estimate), or zero. GSL's qags adds Wynn's epsilon extrapolation for
/// integrable singularities; the functions integrated here are smooth, where bisection alone converges, so it is left
/// out: results agree with GSL's within the tolerance, and are the same bits when one rule suffices. Non-finite ends
/// or values give NaN. Deterministic: the same numbers for the same arguments.
/// </summary>
internal static class GaussKronrodQuadrature
{
    // Abscissae of the 21-point Kronrod rule (the odd ones are the 10-point Gauss rule's), and the weights.
    private static readonly double[] Xgk =
    [
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452, 0.930157491355708226001207180059508,
        0.865063366688984510732096688423493, 0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784, 0.294392862701460198131126603103866,
        0.148874338981631210884826001129720, 0.0,
    ];

    private static readonly double[] Wg =
    [
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697, 0.219086362515982043995534934228163,
        0.269266719309996355091226921569469, 0.295524224714752870173892994651338,
    ];

    private static readonly double[] Wgk =
    [
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390, 0.054755896574351996031381300244580,
        0.075039674810919952767043140916190, 0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077208745524309, 0.134709217311473325928054001771707, 0.142775938577060080797094273138717,
        0.147739104901338491374841515972068, 0.149445554002916905664936468389821,
    ];

    private const double MachineEpsilon = 2.220446049250313e-16; // GSL_DBL_EPSILON
    private const double SmallestNormal = 2.2250738585072014e-308; // GSL_DBL_MIN

    /// <summary>∫ f from <paramref name="a"/> to <paramref name="b"/> to within max(epsabs, epsrel·|result|).</summary>
    public static double Integrate<TFunction>(in TFunction f, double a, double b, double epsAbs, double epsRel, QuadratureWorkspace workspace)
        where TFunction : struct, IIntegrand
    {
        if (!double.IsFinite(a) || !double.IsFinite(b)) return double.NaN;
        double result = Rule(f, a, b, out double error, out double resultAsc);
        if (!double.IsFinite(result) || !double.IsFinite(error)) return double.NaN;
        double tolerance = Math.Max(epsAbs, epsRel * Math.Abs(result));
        if ((error <= tolerance && error != resultAsc) || error == 0.0) return result;

        double[] lower = workspace.Lower, upper = workspace.Upper, results = workspace.Result, errors = workspace.Error;
        lower[0] = a;
        upper[0] = b;
        results[0] = result;
        errors[0] = error;
        int count = 1;
        double area = result, errorSum = error;
        while (count < workspace.Limit)
        {
            int worst = 0;
            for (int i = 1; i < count; i++) if (errors[i] > errors[worst]) worst = i;
            double left = lower[worst], right = upper[worst], middle = 0.5 * (left + right);
            if (!(middle > left && middle < right)) break; // the interval cannot be halved any further
            double r1 = Rule(f, left, middle, out double e1, out _);
            double r2 = Rule(f, middle, right, out double e2, out _);
            if (!double.IsFinite(r1 + r2) || !double.IsFinite(e1 + e2)) return double.NaN;
            area += r1 + r2 - results[worst];
            errorSum += e1 + e2 - errors[worst];
            upper[worst] = middle;
            results[worst] = r1;
            errors[worst] = e1;
            lower[count] = middle;
            upper[count] = right;
            results[count] = r2;
            errors[count] = e2;
            count++;
            if (errorSum <= Math.Max(epsAbs, epsRel * Math.Abs(area))) break;
        }
        double sum = 0.0;
        for (int i = 0; i < count; i++) sum += results[i];
        return sum;
    }

    /// <summary>The 21-point Kronrod result over [a, b], GSL's rescaled error estimate and the integral of |f - mean|.</summary>
    private static double Rule<TFunction>(in TFunction f, double a, double b, out double error, out double resultAsc)
        where TFunction : struct, IIntegrand
    {
        double center = 0.5 * (a + b), halfLength = 0.5 * (b - a), absHalfLength = Math.Abs(halfLength);
        Span<double> fv1 = stackalloc double[10], fv2 = stackalloc double[10];
        double fCenter = f.At(center);
        double resultGauss = 0.0, resultKronrod = fCenter * Wgk[10], resultAbs = Math.Abs(resultKronrod);
        for (int j = 0; j < 5; j++)
        {
            int k = 2 * j + 1;
            double x = halfLength * Xgk[k];
            double f1 = f.At(center - x), f2 = f.At(center + x);
            resultGauss += Wg[j] * (f1 + f2);
            resultKronrod += Wgk[k] * (f1 + f2);
            resultAbs += Wgk[k] * (Math.Abs(f1) + Math.Abs(f2));
            fv1[k] = f1;
            fv2[k] = f2;
        }
        for (int j = 0; j < 5; j++)
        {
            int k = 2 * j;
            double x = halfLength * Xgk[k];
            double f1 = f.At(center - x), f2 = f.At(center + x);
            resultKronrod += Wgk[k] * (f1 + f2);
            resultAbs += Wgk[k] * (Math.Abs(f1) + Math.Abs(f2));
            fv1[k] = f1;
            fv2[k] = f2;
        }
        double mean = 0.5 * resultKronrod;
        double asc = Wgk[10] * Math.Abs(fCenter - mean);
        for (int j = 0; j < 10; j++) asc += Wgk[j] * (Math.Abs(fv1[j] - mean) + Math.Abs(fv2[j] - mean));
        double rawError = (resultKronrod - resultGauss) * halfLength;
        resultKronrod *= halfLength;
        resultAbs *= absHalfLength;
        asc *= absHalfLength;
        resultAsc = asc;
        error = RescaledError(rawError, resultAbs, asc);
        return resultKronrod;
    }

    /// <summary>GSL's error estimate of a rule: |Kronrod - Gauss| scaled by (200·err/resasc)^1.5, at least 50 ε·resabs.</summary>
    private static double RescaledError(double error, double resultAbs, double resultAsc)
    {
        error = Math.Abs(error);
        if (resultAsc != 0.0 && error != 0.0)
        {
            double scale = Math.Pow(200.0 * error / resultAsc, 1.5);
            error = scale < 1.0 ? resultAsc * scale : resultAsc;
        }
        if (resultAbs > SmallestNormal / (50.0 * MachineEpsilon))
        {
            double minError = 50.0 * MachineEpsilon * resultAbs;
            if (minError > error) error = minError;
        }
        return error;
    }
}

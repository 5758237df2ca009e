using System.Runtime.Intrinsics.X86;

namespace NestSharp.Numerics;

/// <summary>
/// e^x in each of the four lanes of a <see cref="Vector256{T}"/>, bit for bit what <see cref="Math.Exp"/> returns for
/// that lane on the machine it runs on, so that the RKF45 lanes (<see cref="Rkf45LaneIntegrator"/>) can take the
/// exponential of four neurons at once and stay bitwise equal to the one-neuron path: the gate rates of hh_psc_alpha
/// and hh_cond_exp_traub. (The AdEx lanes with it took fewer instructions than the scalar path in a silent network
/// and more in a spiking one, so the AdEx models stay on the scalar path: docs/performance.md.)
/// <para>On Linux x64 Math.Exp is glibc's exp. glibc 2.36 on a CPU with FMA and AVX2 runs its variant __exp_fma, the
/// table-based algorithm of ARM's optimized-routines (Szabolcs Nagy, sysdeps/ieee754/dbl-64/e_exp.c) compiled with
/// -mfma -mavx2. With N = 128 and the table T of 2^(i/N) as pairs (tail, bits(2^(i/N)) - (i &lt;&lt; 45)):</para>
/// <code>
/// kd = fma(x, N/ln2, Shift)          Shift = 1.5·2^52: k = round(x·N/ln2) in the low bits of kd
/// ki = bits(kd);  kd = kd - Shift
/// r  = fma(kd, -ln2lo/N, fma(kd, -ln2hi/N, x))                      x = k·ln2/N + r, |r| &lt;= ln2/(2N)
/// tail = T[2 (ki mod N)];  sbits = T[2 (ki mod N) + 1] + (ki &lt;&lt; 45);  scale = double(sbits) = 2^(k/N)/(1 + tail)
/// r2 = r·r
/// tmp = fma(r2·r2, fma(r, C5, C4), fma(fma(r, C3, C2), r2, r + tail))
/// e^x = fma(scale, tmp, scale)
/// </code>
/// Which operations are fused is what GCC made of the C source for that library, read from its machine code
/// (objdump -d of /lib/x86_64-linux-gnu/libm.so.6, Debian glibc 2.36-9: the ifunc resolver of exp selects the FMA
/// variant when the CPU has FMA and AVX2; its vfmadd instructions are the fma above, its vmulsd and vaddsd the
/// plain products and sums); the constants and the table are those of that library's data (__exp_data). glibc returns
/// 1 + x for |x| &lt; 2^-54, done here as well; for |x| &gt;= 512, infinities and NaN it takes other paths (scaling
/// near overflow and underflow, errno), so a vector with such a lane is computed by Math.Exp lane by lane.
/// <para>Another CPU (no FMA: glibc then runs its SSE2 or AVX variant, without fused operations) or another libm gives
/// other bits. So <see cref="Exp"/> uses the vector form only after checking, once per process, that the CPU has FMA
/// and AVX2 and that the vector form equals Math.Exp bitwise on a fixed set of inputs (<see cref="IsVectorised"/>);
/// otherwise it calls Math.Exp lane by lane. Either way each lane is Math.Exp of its input.</para>
/// </summary>
internal static class LaneExp
{
    private const int TableBits = 7, TableSize = 1 << TableBits;

    // __exp_data of glibc 2.36 (bit patterns in the comments).
    private const double InvLn2N = 184.6649652337873;            // 0x40671547652B82FE, N/ln2
    private const double NegLn2HiN = -0.005415212348111709;      // 0xBF762E42FEFA0000, -ln2/N, high part
    private const double NegLn2LoN = -1.2864023111638346e-14;    // 0xBD0CF79ABC9E3B3A, -ln2/N, low part
    private const double Shift = 6755399441055744.0;             // 0x4338000000000000, 1.5·2^52
    private const double C2 = 0.49999999999996786;               // 0x3FDFFFFFFFFFFDBD
    private const double C3 = 0.16666666666665886;               // 0x3FC555555555543C
    private const double C4 = 0.0416666808410674;                // 0x3FA55555CF172B91
    private const double C5 = 0.008333335853059549;              // 0x3F81111167A4D017

    /// <summary>Below this |x| (2^-54) e^x is 1 + x.</summary>
    private const double Tiny = 5.551115123125783e-17;

    /// <summary>From this |x| on the library leaves the table path (so does this code, to Math.Exp).</summary>
    private const double Large = 512.0;

    /// <summary>T[2i] = tail of 2^(i/N), T[2i + 1] = bits(2^(i/N)) - (i &lt;&lt; 45), i = 0 .. N - 1.</summary>
    private static ReadOnlySpan<ulong> Table =>
    [
        0x0000000000000000, 0x3FF0000000000000,
        0x3C9B3B4F1A88BF6E, 0x3FEFF63DA9FB3335,
        0xBC7160139CD8DC5D, 0x3FEFEC9A3E778061,
        0xBC905E7A108766D1, 0x3FEFE315E86E7F85,
        0x3C8CD2523567F613, 0x3FEFD9B0D3158574,
        0xBC8BCE8023F98EFA, 0x3FEFD06B29DDF6DE,
        0x3C60F74E61E6C861, 0x3FEFC74518759BC8,
        0x3C90A3E45B33D399, 0x3FEFBE3ECAC6F383,
        0x3C979AA65D837B6D, 0x3FEFB5586CF9890F,
        0x3C8EB51A92FDEFFC, 0x3FEFAC922B7247F7,
        0x3C3EBE3D702F9CD1, 0x3FEFA3EC32D3D1A2,
        0xBC6A033489906E0B, 0x3FEF9B66AFFED31B,
        0xBC9556522A2FBD0E, 0x3FEF9301D0125B51,
        0xBC5080EF8C4EEA55, 0x3FEF8ABDC06C31CC,
        0xBC91C923B9D5F416, 0x3FEF829AAEA92DE0,
        0x3C80D3E3E95C55AF, 0x3FEF7A98C8A58E51,
        0xBC801B15EAA59348, 0x3FEF72B83C7D517B,
        0xBC8F1FF055DE323D, 0x3FEF6AF9388C8DEA,
        0x3C8B898C3F1353BF, 0x3FEF635BEB6FCB75,
        0xBC96D99C7611EB26, 0x3FEF5BE084045CD4,
        0x3C9AECF73E3A2F60, 0x3FEF54873168B9AA,
        0xBC8FE782CB86389D, 0x3FEF4D5022FCD91D,
        0x3C8A6F4144A6C38D, 0x3FEF463B88628CD6,
        0x3C807A05B0E4047D, 0x3FEF3F49917DDC96,
        0x3C968EFDE3A8A894, 0x3FEF387A6E756238,
        0x3C875E18F274487D, 0x3FEF31CE4FB2A63F,
        0x3C80472B981FE7F2, 0x3FEF2B4565E27CDD,
        0xBC96B87B3F71085E, 0x3FEF24DFE1F56381,
        0x3C82F7E16D09AB31, 0x3FEF1E9DF51FDEE1,
        0xBC3D219B1A6FBFFA, 0x3FEF187FD0DAD990,
        0x3C8B3782720C0AB4, 0x3FEF1285A6E4030B,
        0x3C6E149289CECB8F, 0x3FEF0CAFA93E2F56,
        0x3C834D754DB0ABB6, 0x3FEF06FE0A31B715,
        0x3C864201E2AC744C, 0x3FEF0170FC4CD831,
        0x3C8FDD395DD3F84A, 0x3FEEFC08B26416FF,
        0xBC86A3803B8E5B04, 0x3FEEF6C55F929FF1,
        0xBC924AEDCC4B5068, 0x3FEEF1A7373AA9CB,
        0xBC9907F81B512D8E, 0x3FEEECAE6D05D866,
        0xBC71D1E83E9436D2, 0x3FEEE7DB34E59FF7,
        0xBC991919B3CE1B15, 0x3FEEE32DC313A8E5,
        0x3C859F48A72A4C6D, 0x3FEEDEA64C123422,
        0xBC9312607A28698A, 0x3FEEDA4504AC801C,
        0xBC58A78F4817895B, 0x3FEED60A21F72E2A,
        0xBC7C2C9B67499A1B, 0x3FEED1F5D950A897,
        0x3C4363ED60C2AC11, 0x3FEECE086061892D,
        0x3C9666093B0664EF, 0x3FEECA41ED1D0057,
        0x3C6ECCE1DAA10379, 0x3FEEC6A2B5C13CD0,
        0x3C93FF8E3F0F1230, 0x3FEEC32AF0D7D3DE,
        0x3C7690CEBB7AAFB0, 0x3FEEBFDAD5362A27,
        0x3C931DBDEB54E077, 0x3FEEBCB299FDDD0D,
        0xBC8F94340071A38E, 0x3FEEB9B2769D2CA7,
        0xBC87DECCDC93A349, 0x3FEEB6DAA2CF6642,
        0xBC78DEC6BD0F385F, 0x3FEEB42B569D4F82,
        0xBC861246EC7B5CF6, 0x3FEEB1A4CA5D920F,
        0x3C93350518FDD78E, 0x3FEEAF4736B527DA,
        0x3C7B98B72F8A9B05, 0x3FEEAD12D497C7FD,
        0x3C9063E1E21C5409, 0x3FEEAB07DD485429,
        0x3C34C7855019C6EA, 0x3FEEA9268A5946B7,
        0x3C9432E62B64C035, 0x3FEEA76F15AD2148,
        0xBC8CE44A6199769F, 0x3FEEA5E1B976DC09,
        0xBC8C33C53BEF4DA8, 0x3FEEA47EB03A5585,
        0xBC845378892BE9AE, 0x3FEEA34634CCC320,
        0xBC93CEDD78565858, 0x3FEEA23882552225,
        0x3C5710AA807E1964, 0x3FEEA155D44CA973,
        0xBC93B3EFBF5E2228, 0x3FEEA09E667F3BCD,
        0xBC6A12AD8734B982, 0x3FEEA012750BDABF,
        0xBC6367EFB86DA9EE, 0x3FEE9FB23C651A2F,
        0xBC80DC3D54E08851, 0x3FEE9F7DF9519484,
        0xBC781F647E5A3ECF, 0x3FEE9F75E8EC5F74,
        0xBC86EE4AC08B7DB0, 0x3FEE9F9A48A58174,
        0xBC8619321E55E68A, 0x3FEE9FEB564267C9,
        0x3C909CCB5E09D4D3, 0x3FEEA0694FDE5D3F,
        0xBC7B32DCB94DA51D, 0x3FEEA11473EB0187,
        0x3C94ECFD5467C06B, 0x3FEEA1ED0130C132,
        0x3C65EBE1ABD66C55, 0x3FEEA2F336CF4E62,
        0xBC88A1C52FB3CF42, 0x3FEEA427543E1A12,
        0xBC9369B6F13B3734, 0x3FEEA589994CCE13,
        0xBC805E843A19FF1E, 0x3FEEA71A4623C7AD,
        0xBC94D450D872576E, 0x3FEEA8D99B4492ED,
        0x3C90AD675B0E8A00, 0x3FEEAAC7D98A6699,
        0x3C8DB72FC1F0EAB4, 0x3FEEACE5422AA0DB,
        0xBC65B6609CC5E7FF, 0x3FEEAF3216B5448C,
        0x3C7BF68359F35F44, 0x3FEEB1AE99157736,
        0xBC93091FA71E3D83, 0x3FEEB45B0B91FFC6,
        0xBC5DA9B88B6C1E29, 0x3FEEB737B0CDC5E5,
        0xBC6C23F97C90B959, 0x3FEEBA44CBC8520F,
        0xBC92434322F4F9AA, 0x3FEEBD829FDE4E50,
        0xBC85CA6CD7668E4B, 0x3FEEC0F170CA07BA,
        0x3C71AFFC2B91CE27, 0x3FEEC49182A3F090,
        0x3C6DD235E10A73BB, 0x3FEEC86319E32323,
        0xBC87C50422622263, 0x3FEECC667B5DE565,
        0x3C8B1C86E3E231D5, 0x3FEED09BEC4A2D33,
        0xBC91BBD1D3BCBB15, 0x3FEED503B23E255D,
        0x3C90CC319CEE31D2, 0x3FEED99E1330B358,
        0x3C8469846E735AB3, 0x3FEEDE6B5579FDBF,
        0xBC82DFCD978E9DB4, 0x3FEEE36BBFD3F37A,
        0x3C8C1A7792CB3387, 0x3FEEE89F995AD3AD,
        0xBC907B8F4AD1D9FA, 0x3FEEEE07298DB666,
        0xBC55C3D956DCAEBA, 0x3FEEF3A2B84F15FB,
        0xBC90A40E3DA6F640, 0x3FEEF9728DE5593A,
        0xBC68D6F438AD9334, 0x3FEEFF76F2FB5E47,
        0xBC91EEE26B588A35, 0x3FEF05B030A1064A,
        0x3C74FFD70A5FDDCD, 0x3FEF0C1E904BC1D2,
        0xBC91BDFBFA9298AC, 0x3FEF12C25BD71E09,
        0x3C736EAE30AF0CB3, 0x3FEF199BDD85529C,
        0x3C8EE3325C9FFD94, 0x3FEF20AB5FFFD07A,
        0x3C84E08FD10959AC, 0x3FEF27F12E57D14B,
        0x3C63CDAF384E1A67, 0x3FEF2F6D9406E7B5,
        0x3C676B2C6C921968, 0x3FEF3720DCEF9069,
        0xBC808A1883CCB5D2, 0x3FEF3F0B555DC3FA,
        0xBC8FAD5D3FFFFA6F, 0x3FEF472D4A07897C,
        0xBC900DAE3875A949, 0x3FEF4F87080D89F2,
        0x3C74A385A63D07A7, 0x3FEF5818DCFBA487,
        0xBC82919E2040220F, 0x3FEF60E316C98398,
        0x3C8E5A50D5C192AC, 0x3FEF69E603DB3285,
        0x3C843A59AC016B4B, 0x3FEF7321F301B460,
        0xBC82D52107B43E1F, 0x3FEF7C97337B9B5F,
        0xBC892AB93B470DC9, 0x3FEF864614F5A129,
        0x3C74B604603A88D3, 0x3FEF902EE78B3FF6,
        0x3C83C5EC519D7271, 0x3FEF9A51FBC74C83,
        0xBC8FF7128FD391F0, 0x3FEFA4AFA2A490DA,
        0xBC8DAE98E223747D, 0x3FEFAF482D8E67F1,
        0x3C8EC3BC41AA2008, 0x3FEFBA1BEE615A27,
        0x3C842B94C3A9EB32, 0x3FEFC52B376BBA97,
        0x3C8A64A931D185EE, 0x3FEFD0765B6E4540,
        0xBC8E37BAE43BE3ED, 0x3FEFDBFDAD9CBE14,
        0x3C77893B4D91CD9D, 0x3FEFE7C1819E90D8,
        0x3C5305C14160CC89, 0x3FEFF3C22B8F71F1,
    ];

    /// <summary>
    /// Whether <see cref="Exp"/> computes in vectors: the CPU has FMA and AVX2 and <see cref="Vectorised"/> equals
    /// Math.Exp bitwise on the inputs of <see cref="CheckInputs"/> (checked once, on first use).
    /// </summary>
    public static bool IsVectorised => Check.Passed;

    /// <summary>e^x per lane, bitwise <see cref="Math.Exp"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => IsVectorised ? Vectorised(x) : PerLane(x);

    /// <summary>Math.Exp of each lane, one after the other.</summary>
    public static Vector256<double> PerLane(Vector256<double> x) =>
        Vector256.Create(Math.Exp(x.GetElement(0)), Math.Exp(x.GetElement(1)), Math.Exp(x.GetElement(2)), Math.Exp(x.GetElement(3)));

    /// <summary>
    /// The algorithm of the class summary in vectors (requires FMA and AVX2); lanes with |x| &gt;= 512 or NaN send
    /// the vector to <see cref="PerLane"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<double> Vectorised(Vector256<double> x)
    {
        if (!Fma.IsSupported || !Avx2.IsSupported) return PerLane(x);
        var magnitude = Vector256.Abs(x);
        // Not below 512: large, infinite or NaN.
        if (!Vector256.LessThanAll(magnitude, Vector256.Create(Large))) return PerLane(x);

        var kd = Fma.MultiplyAdd(x, Vector256.Create(InvLn2N), Vector256.Create(Shift));
        var ki = kd.AsUInt64();
        kd -= Vector256.Create(Shift);
        var r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2HiN), x);
        r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2LoN), r);
        var index = (ki & Vector256.Create((ulong)(TableSize - 1))) << 1;
        Vector256<double> tail;
        Vector256<ulong> sbits;
        fixed (ulong* table = Table)
        {
            tail = Avx2.GatherVector256((double*)table, index.AsInt64(), 8);
            sbits = Avx2.GatherVector256(table + 1, index.AsInt64(), 8);
        }
        sbits += ki << (52 - TableBits);
        var r2 = r * r;
        var tmp = Fma.MultiplyAdd(Fma.MultiplyAdd(r, Vector256.Create(C3), Vector256.Create(C2)), r2, r + tail);
        tmp = Fma.MultiplyAdd(r2 * r2, Fma.MultiplyAdd(r, Vector256.Create(C5), Vector256.Create(C4)), tmp);
        var scale = sbits.AsDouble();
        var result = Fma.MultiplyAdd(scale, tmp, scale);
        return Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(Tiny)), Vector256<double>.One + x, result);
    }

    /// <summary>
    /// The inputs of the start-up check: 0, ±2^-54 and its neighbours, the ends of the table path (±512 and below);
    /// inputs where the library's result changes when its fused operations are done as separate multiplies and adds
    /// (all of them, as a build without FMA does; the first, x·N/ln2 + Shift; the sum into tmp; the last), found by
    /// search; and 4096 values spread over [-745, 710], over the powers of two from 2^-60 to 2^9 (both signs), the
    /// interval of the AdEx exponent and [-1, 1], from a fixed generator.
    /// </summary>
    public static double[] CheckInputs()
    {
        var inputs = new List<double> { 0.0, -0.0, Tiny, -Tiny, Math.BitDecrement(Tiny), -Math.BitDecrement(Tiny), Math.BitIncrement(Tiny),
            Math.BitDecrement(Large), -Math.BitDecrement(Large), 1.0, -1.0, 0.5, -0.5, 1e-300, -1e-300, double.Epsilon,
            -0.019415440891917685, -104.75999048064408, -32.092170981733204, -120.84404736424051, -386.2048218497254, -39.906498813026815,
            -339.03832229755926, -81.77782927520387, 104.44049295210482, 388.50628709767545, -343.12661449197986, 40.03195728351061,
            -227.4091349533174, -250.56999816624617, -233.20341216581068, -324.29811428596224,
            30.132949111139258, -0.031459584038964275, 254.05739491843826, -17.671815095174907,
            -25.469415073967266, -0.09456230997578495, 6.901688137684769, 18.392858239073703 };
        ulong state = 0x9E3779B97F4A7C15;
        double Next()
        {
            state = state * 6364136223846793005 + 1442695040888963407;
            return (state >> 11) * (1.0 / (1UL << 53));
        }
        for (int i = 0; i < 2048; i++) inputs.Add(-745.0 + 1455.0 * Next());
        for (int i = 0; i < 1024; i++) inputs.Add((Next() < 0.5 ? -1.0 : 1.0) * Math.Pow(2.0, -60.0 + 69.0 * Next()));
        for (int i = 0; i < 512; i++) inputs.Add(-40.0 + 70.0 * Next());
        for (int i = 0; i < 512; i++) inputs.Add(-1.0 + 2.0 * Next());
        while (inputs.Count % Lanes.Count != 0) inputs.Add(0.0);
        return [.. inputs];
    }

    /// <summary>The start-up check of <see cref="IsVectorised"/>, run when first asked.</summary>
    private static class Check
    {
        public static readonly bool Passed = Run();

        private static bool Run()
        {
            if (!Fma.IsSupported || !Avx2.IsSupported) return false;
            var inputs = CheckInputs();
            for (int i = 0; i < inputs.Length; i += Lanes.Count)
            {
                var y = Vectorised(Vector256.Create(inputs, i));
                for (int lane = 0; lane < Lanes.Count; lane++)
                {
                    if (BitConverter.DoubleToInt64Bits(y.GetElement(lane)) != BitConverter.DoubleToInt64Bits(Math.Exp(inputs[i + lane])))
                        return false;
                }
            }
            return true;
        }
    }
}

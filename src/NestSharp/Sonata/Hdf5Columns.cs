using PureHDF;
using PureHDF.Selections;

namespace NestSharp.Sonata;

/// <summary>
/// Reads one-dimensional HDF5 datasets (PureHDF) into long or double arrays, whatever the stored integer or floating-point
/// type, as NEST reads them through HDF5's conversion to NATIVE_LONG and NATIVE_DOUBLE; a part at a time (a hyperslab)
/// or whole.
/// </summary>
internal static class Hdf5Columns
{
    /// <summary>The number of rows of <paramref name="dataset"/> (its first dimension; 1 for a scalar).</summary>
    public static long Rows(IH5Dataset dataset)
    {
        var dims = dataset.Space.Dimensions;
        return dims.Length == 0 ? 1 : (long)dims[0];
    }

    /// <summary>Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> as integers.</summary>
    public static long[] ReadLongs(IH5Dataset dataset, long offset, long count)
    {
        var selection = Selection(dataset, offset, count);
        var type = dataset.Type;
        if (type.Class == H5DataTypeClass.FloatingPoint) return Array.ConvertAll(ReadDoubles(dataset, offset, count), x => (long)x);
        if (type.Class != H5DataTypeClass.FixedPoint)
            throw new InvalidCastException($"dataset {dataset.Name} holds {type.Class} values, not integers");
        bool signed = type.FixedPoint.IsSigned;
        return (type.Size, signed) switch
        {
            (1, true) => Array.ConvertAll(dataset.Read<sbyte[]>(fileSelection: selection), x => (long)x),
            (1, false) => Array.ConvertAll(dataset.Read<byte[]>(fileSelection: selection), x => (long)x),
            (2, true) => Array.ConvertAll(dataset.Read<short[]>(fileSelection: selection), x => (long)x),
            (2, false) => Array.ConvertAll(dataset.Read<ushort[]>(fileSelection: selection), x => (long)x),
            (4, true) => Array.ConvertAll(dataset.Read<int[]>(fileSelection: selection), x => (long)x),
            (4, false) => Array.ConvertAll(dataset.Read<uint[]>(fileSelection: selection), x => (long)x),
            (8, true) => dataset.Read<long[]>(fileSelection: selection),
            (8, false) => Array.ConvertAll(dataset.Read<ulong[]>(fileSelection: selection), x => unchecked((long)x)),
            _ => throw new InvalidCastException($"dataset {dataset.Name} holds integers of {type.Size} bytes"),
        };
    }

    /// <summary>Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> as reals.</summary>
    public static double[] ReadDoubles(IH5Dataset dataset, long offset, long count)
    {
        var selection = Selection(dataset, offset, count);
        var type = dataset.Type;
        if (type.Class == H5DataTypeClass.FixedPoint) return Array.ConvertAll(ReadLongs(dataset, offset, count), x => (double)x);
        if (type.Class != H5DataTypeClass.FloatingPoint)
            throw new InvalidCastException($"dataset {dataset.Name} holds {type.Class} values, not numbers");
        return type.Size switch
        {
            4 => Array.ConvertAll(dataset.Read<float[]>(fileSelection: selection), x => (double)x),
            8 => dataset.Read<double[]>(fileSelection: selection),
            _ => throw new InvalidCastException($"dataset {dataset.Name} holds reals of {type.Size} bytes"),
        };
    }

    /// <summary>A string attribute (fixed or variable length) of <paramref name="obj"/>.</summary>
    public static string ReadStringAttribute(IH5Object obj, string name)
    {
        var attribute = obj.Attribute(name);
        return attribute.Space.Type == H5DataspaceType.Scalar ? attribute.Read<string>() : attribute.Read<string[]>()[0];
    }

    private static HyperslabSelection Selection(IH5Dataset dataset, long offset, long count)
    {
        if (dataset.Space.Dimensions.Length != 1)
            throw new InvalidCastException($"dataset {dataset.Name} has {dataset.Space.Dimensions.Length} dimensions, not 1");
        return new HyperslabSelection((ulong)offset, (ulong)count);
    }
}

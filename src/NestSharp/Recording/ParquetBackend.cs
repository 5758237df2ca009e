using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace NestSharp.Recording;

/// <summary>
/// record_to "parquet": one Apache Parquet file per recorder (see <see cref="SingleFileRecording"/> for its name, who
/// writes it and how later runs continue it), written with Parquet.Net, for analysis in pandas, polars, Arrow or
/// DuckDB without parsing text. Its columns are the memory backend's events, each with its own type and no nulls:
/// <c>senders</c> (int64), <c>times</c> (double ms; with time_in_steps int64 steps followed by <c>offsets</c>, double
/// ms), the recorder's real values (double) and integer values (int64). Each run (each Simulate or Run call) adds one
/// row group holding that run's events, possibly none: the events are kept in memory during the run and written
/// when it ends (or at Cleanup, if the run failed), so a file is complete, with its footer, after Simulate or Cleanup.
/// Each Simulate reopens the file and rewrites its footer, which lists every row group: many short Simulate calls
/// cost more each time (about 20 ms per call after 2,000 calls); Prepare, many Run calls and one Cleanup keep the file
/// open and write the footer once. Not in NEST.
/// </summary>
[RecordingBackendName("parquet")]
internal sealed class ParquetBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new SingleFileRecording("parquet", ParquetFile.Open, ParquetFile.FooterBytes);

    private sealed class ParquetFile : IRecordingFile
    {
        private readonly FileStream _stream;
        private readonly ParquetWriter _writer;
        private readonly DataField[] _fields;
        private readonly bool _timeInSteps;

        // The events of the current run, column by column.
        private readonly ArrayBufferWriter<long> _senders = new();
        private readonly ArrayBufferWriter<double> _times = new();
        private readonly ArrayBufferWriter<long> _steps = new();
        private readonly ArrayBufferWriter<double> _offsets = new();
        private readonly ArrayBufferWriter<double>[] _doubles;
        private readonly ArrayBufferWriter<long>[] _longs;

        private ParquetFile(FileStream stream, ParquetWriter writer, DataField[] fields, EventColumns columns)
        {
            _stream = stream;
            _writer = writer;
            _fields = fields;
            _timeInSteps = columns.TimeInSteps;
            _doubles = columns.DoubleValueNames.Select(_ => new ArrayBufferWriter<double>()).ToArray();
            _longs = columns.LongValueNames.Select(_ => new ArrayBufferWriter<long>()).ToArray();
        }

        /// <summary>
        /// The end of a complete Parquet file that appending overwrites: the footer (file metadata), its length (int32)
        /// and the magic "PAR1".
        /// </summary>
        public static int FooterBytes(FileStream file)
        {
            Span<byte> end = stackalloc byte[8];
            if (file.Length < 12) throw new IOException($"it holds {file.Length} bytes, too few for a Parquet file");
            file.Seek(-8, SeekOrigin.End);
            file.ReadExactly(end);
            int metadata = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(end);
            if (!end[4..].SequenceEqual("PAR1"u8) || metadata < 0 || metadata > file.Length - 12)
                throw new IOException("it does not end as a Parquet file");
            return metadata + 8;
        }

        public static ParquetFile Open(string path, bool append, EventColumns columns)
        {
            var fields = new List<DataField> { new DataField<long>("senders") };
            if (columns.TimeInSteps) fields.AddRange([new DataField<long>("times"), new DataField<double>("offsets")]);
            else fields.Add(new DataField<double>("times"));
            fields.AddRange(columns.DoubleValueNames.Select(name => new DataField<double>(name)));
            fields.AddRange(columns.LongValueNames.Select(name => new DataField<long>(name)));

            var stream = new FileStream(path, append ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite);
            try
            {
                var writer = Wait(() => ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, append: append));
                return new ParquetFile(stream, writer, [.. fields], columns);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        public void Write(long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            Add(_senders, sender);
            if (_timeInSteps)
            {
                Add(_steps, stamp);
                Add(_offsets, offset);
            }
            else
            {
                Add(_times, timeMs);
            }
            for (int i = 0; i < doubles.Length; i++) Add(_doubles[i], doubles[i]);
            for (int i = 0; i < longs.Length; i++) Add(_longs[i], longs[i]);
        }

        private static void Add<T>(ArrayBufferWriter<T> column, T value)
        {
            column.GetSpan(1)[0] = value;
            column.Advance(1);
        }

        /// <summary>The run's events become one row group.</summary>
        public void EndRun()
        {
            Wait(WriteRowGroupAsync);
            _senders.ResetWrittenCount();
            _times.ResetWrittenCount();
            _steps.ResetWrittenCount();
            _offsets.ResetWrittenCount();
            foreach (var column in _doubles) column.ResetWrittenCount();
            foreach (var column in _longs) column.ResetWrittenCount();
        }

        private async Task WriteRowGroupAsync()
        {
            using var group = _writer.CreateRowGroup();
            int field = 0;
            await group.WriteAsync(_fields[field++], _senders.WrittenMemory).ConfigureAwait(false);
            if (_timeInSteps)
            {
                await group.WriteAsync(_fields[field++], _steps.WrittenMemory).ConfigureAwait(false);
                await group.WriteAsync(_fields[field++], _offsets.WrittenMemory).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync(_fields[field++], _times.WrittenMemory).ConfigureAwait(false);
            }
            foreach (var column in _doubles) await group.WriteAsync(_fields[field++], column.WrittenMemory).ConfigureAwait(false);
            foreach (var column in _longs) await group.WriteAsync(_fields[field++], column.WrittenMemory).ConfigureAwait(false);
        }

        /// <summary>Events of a run that did not end (it failed) are written before the footer: nothing recorded is lost.</summary>
        public void Dispose()
        {
            try
            {
                if (_senders.WrittenCount > 0) EndRun();
                Wait(() => _writer.DisposeAsync().AsTask());
            }
            finally
            {
                _stream.Dispose();
            }
        }

        /// <summary>
        /// Runs Parquet.Net's asynchronous calls to the end on the thread pool, so that no synchronization context of
        /// the caller (a UI's, a test runner's) waits for itself.
        /// </summary>
        private static void Wait(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();

        private static T Wait<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();
    }
}

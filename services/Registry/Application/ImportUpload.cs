using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Application;

/// <summary>
/// An upload spooled to a temporary file that deletes itself. Writing past the limit marks the upload
/// too large and stops the copy, so a huge upload can neither fill the disk nor be half-imported.
/// </summary>
public sealed class ImportUpload : IAsyncDisposable
{
    private readonly FileStream file;
    private readonly LimitedStream limited;

    private ImportUpload(FileStream file, long maxBytes)
    {
        this.file = file;
        limited = new LimitedStream(file, maxBytes);
    }

    /// <summary>Where the upload is written while receiving.</summary>
    public Stream Stream => limited;

    public bool TooLarge => limited.Exceeded;

    public long Length => limited.Written;

    /// <summary>A new spool file in <paramref name="directory"/>: the folder owner-only (0700), the file too (0600): it holds personal data.</summary>
    public static ImportUpload Create(string directory, long maxBytes)
    {
        OwnerOnlyFiles.CreateDirectory(directory);
        var path = Path.Combine(directory, $"import-{Guid.NewGuid():N}.csv");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        return new ImportUpload(new FileStream(path, options), maxBytes);
    }

    /// <summary>The received bytes, from the start, for reading.</summary>
    public Stream Rewind()
    {
        file.Flush();
        file.Position = 0;
        return file;
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        public bool Exceeded { get; private set; }

        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Accept(buffer.Length))
            {
                inner.Write(buffer);
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Accept(buffer.Length))
            {
                await inner.WriteAsync(buffer, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private bool Accept(int count)
        {
            Written += count;
            if (Written > maxBytes)
            {
                // Stop the sender at once instead of draining a huge body.
                Exceeded = true;
                throw new UploadTooLargeException();
            }

            return true;
        }
    }
}

/// <summary>Thrown into the copy loop when an upload passes the limit; <see cref="HouseholdImporter.ReceiveAsync"/> turns it into a refused import.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException()
        : base("upload too large")
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

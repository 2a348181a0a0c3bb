namespace Winnerr.Sms.Core.Contacts.Import;

/// <summary>
/// Reads bytes already taken from a stream, then the rest of it, so that a stream which cannot seek
/// (a browser upload) can be looked at before it is parsed. Leaves the inner stream open.
/// </summary>
internal sealed class ReplayStream(byte[] head, int headLength, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < headLength)
        {
            var count = Math.Min(buffer.Length, headLength - _position);
            head.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _position < headLength ? Read(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

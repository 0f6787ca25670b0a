using System.IO.Pipes;
using Bansos.VirtualCard.Vpcd;

namespace Bansos.SmartCard.Tests.Unit;

/// <summary>vpcd's framing and control codes, over an in-memory stream pair instead of TCP.</summary>
public sealed class VpcdSessionTests
{
    [Fact]
    public async Task Answers_ATR_requests_and_APDUs_and_passes_power_events_on()
    {
        var card = new RecordingCard();
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        using var backServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var backClient = new AnonymousPipeClientStream(PipeDirection.In, backServer.ClientSafePipeHandle);
        var ct = TestContext.Current.CancellationToken;
        var messages = 0;
        var session = VpcdSession.RunAsync(new Duplex(client, backServer), card, ct, received: () => messages++);

        // vpcd → card: power on, ATR request, an APDU, reset, power off; then vpcd closes.
        await server.WriteAsync(Convert.FromHexString("0001" + "01" + "0001" + "04" + "0005" + "00A4040000" + "0001" + "02" + "0001" + "00"), ct);
        var atr = await VpcdFraming.ReadAsync(backClient, ct);
        var response = await VpcdFraming.ReadAsync(backClient, ct);
        server.Close();
        await session.WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal("3B00", Convert.ToHexString(atr!));
        Assert.Equal("00A40400009000", Convert.ToHexString(response!));
        Assert.Equal(["on", "apdu 00A4040000", "reset", "off"], card.Events);
        Assert.Equal(5, messages);
    }

    [Fact]
    public void A_card_that_throws_answers_6F00_instead_of_dropping_the_link()
    {
        var card = new RecordingCard { Fail = true };

        Assert.Equal("6F00", Convert.ToHexString(VpcdSession.Handle(card, [0x00, 0xA4, 0x04, 0x00])!));
        Assert.Null(VpcdSession.Handle(card, [0x01]));
        Assert.Null(VpcdSession.Handle(card, [0x7F]));
    }

    [Fact]
    public async Task Frames_carry_a_big_endian_length()
    {
        using var stream = new MemoryStream();
        await VpcdFraming.WriteAsync(stream, new byte[300], TestContext.Current.CancellationToken);

        Assert.Equal(new byte[] { 0x01, 0x2C }, stream.ToArray()[..2]);
        Assert.Equal(302, stream.Length);
        stream.Position = 0;
        Assert.Equal(300, (await VpcdFraming.ReadAsync(stream, TestContext.Current.CancellationToken))!.Length);
        Assert.Null(await VpcdFraming.ReadAsync(stream, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Starting_without_vpcd_says_so()
    {
        // Reader index 99 is port 36062, where nothing listens: the connection is refused at once.
        await using var host = new VirtualCardHost(new RecordingCard(), readerIndex: 99);

        var exception = await Assert.ThrowsAsync<VpcdUnavailableException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("vpcd", exception.Message);
        Assert.Equal(36062, exception.Port);
    }

    [Fact]
    public async Task A_host_can_be_stopped_and_disposed_more_than_once()
    {
        var host = new VirtualCardHost(new RecordingCard(), readerIndex: 99);
        await Assert.ThrowsAsync<VpcdUnavailableException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        await host.StopAsync();
        await host.DisposeAsync();
        await host.DisposeAsync();
        host.Remove();
        Assert.True(host.Completion.IsCompleted);
    }

    private sealed class RecordingCard : IVpcdCard
    {
        public List<string> Events { get; } = [];
        public bool Fail { get; init; }
        public byte[] Atr => [0x3B, 0x00];
        public void PowerOn() => Events.Add("on");
        public void PowerOff() => Events.Add("off");
        public void Reset() => Events.Add("reset");

        public byte[] Process(ReadOnlySpan<byte> command)
        {
            if (Fail) throw new InvalidOperationException("broken card");
            Events.Add("apdu " + Convert.ToHexString(command));
            return [.. command, 0x90, 0x00];
        }
    }

    /// <summary>Reads from one pipe and writes to another, like a socket.</summary>
    private sealed class Duplex(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => output.Flush();
        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => output.WriteAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

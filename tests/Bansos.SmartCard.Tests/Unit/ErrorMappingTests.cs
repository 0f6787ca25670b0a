using Bansos.PcSc;
using Bansos.PcSc.Native;
using Bansos.SmartCard.Tests.Support;

namespace Bansos.SmartCard.Tests.Unit;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(ScardError.NoService, typeof(PcScServiceUnavailableException))]
    [InlineData(ScardError.ServiceStopped, typeof(PcScServiceUnavailableException))]
    [InlineData(ScardError.NoReadersAvailable, typeof(NoReaderException))]
    [InlineData(ScardError.UnknownReader, typeof(NoReaderException))]
    [InlineData(ScardError.ReaderUnavailable, typeof(ReaderRemovedException))]
    [InlineData(ScardError.RemovedCard, typeof(CardRemovedException))]
    [InlineData(ScardError.NoSmartcard, typeof(CardRemovedException))]
    [InlineData(ScardError.ResetCard, typeof(CardRemovedException))]
    [InlineData(ScardError.SharingViolation, typeof(SharingViolationException))]
    [InlineData(ScardError.Timeout, typeof(PcScException))]
    [InlineData(ScardError.UnresponsiveCard, typeof(PcScException))]
    public void Maps_codes_to_typed_exceptions(uint code, Type expected)
    {
        var exception = PcScErrors.ToException(code, "SCardConnect", "Reader 0");

        Assert.IsType(expected, exception);
        Assert.Equal(code, exception.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }

    [Fact]
    public void Messages_are_Indonesian_first_with_English_in_parentheses()
    {
        var exception = PcScErrors.ToException(ScardError.NoService, "SCardEstablishContext");

        Assert.StartsWith("Layanan kartu pintar (pcscd) tidak berjalan", exception.Message);
        Assert.Contains("(The smart card service (pcscd) is not running", exception.Message);
    }

    [Fact]
    public void General_errors_carry_the_symbolic_code()
    {
        var exception = PcScErrors.ToException(ScardError.NotTransacted, "SCardTransmit");

        Assert.Equal("SCARD_E_NOT_TRANSACTED", exception.ErrorName);
        Assert.Contains("SCARD_E_NOT_TRANSACTED", exception.Message);
    }

    [Fact]
    public void Service_not_running_when_establishing_the_context()
    {
        var api = new FakePcScApi { EstablishResult = ScardError.NoService };

        Assert.Throws<PcScServiceUnavailableException>(() => PcScContext.Establish(api));
    }

    [Fact]
    public void Missing_native_library_counts_as_service_unavailable()
    {
        var api = new FakePcScApi { Establish = () => throw new DllNotFoundException("libpcsclite.so.1") };

        var exception = Assert.Throws<PcScServiceUnavailableException>(() => PcScContext.Establish(api));
        Assert.IsType<DllNotFoundException>(exception.InnerException);
    }

    [Fact]
    public void No_readers_is_an_empty_list_not_an_error()
    {
        using var context = PcScContext.Establish(new FakePcScApi { Readers = [] });

        Assert.Empty(context.ListReaders());
    }

    [Fact]
    public void Unknown_reader_on_connect()
    {
        using var context = PcScContext.Establish(new FakePcScApi { ConnectResult = ScardError.UnknownReader });

        var exception = Assert.Throws<NoReaderException>(() => context.Connect("Nope 00"));
        Assert.Equal("Nope 00", exception.Reader);
    }

    [Fact]
    public void Transport_error_while_the_card_is_still_there_stays_a_general_error()
    {
        var api = new FakePcScApi { TransmitResult = ScardError.NotTransacted };
        api.StatusChange = states =>
        {
            states[0].EventState = (uint)ReaderStates.Present;
            return states[0].CurrentState == 0 ? 0 : ScardError.Timeout;
        };
        using var context = PcScContext.Establish(api);
        using var card = context.Connect("Reader 0");

        var exception = Assert.Throws<PcScException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));
        Assert.Equal(ScardError.NotTransacted, exception.ErrorCode);
    }

    [Fact]
    public void Transport_error_after_which_the_reader_is_empty_is_a_removed_card()
    {
        var api = new FakePcScApi { TransmitResult = ScardError.NotTransacted };
        api.StatusChange = states =>
        {
            states[0].EventState = (uint)ReaderStates.Empty;
            return 0;
        };
        using var context = PcScContext.Establish(api);
        using var card = context.Connect("Reader 0");

        Assert.Throws<CardRemovedException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));
    }

    [Fact]
    public void An_answer_without_status_bytes_after_which_the_reader_is_empty_is_a_removed_card()
    {
        // vpcd answers "success, 0 bytes" when the card's socket closes in the middle of a command.
        var api = new FakePcScApi { Card = _ => [] };
        api.StatusChange = states =>
        {
            states[0].EventState = (uint)ReaderStates.Empty;
            return 0;
        };
        using var context = PcScContext.Establish(api);
        using var card = context.Connect("Reader 0");

        Assert.Throws<CardRemovedException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x00]));
    }

    [Fact]
    public async Task Cancelling_a_wait_calls_SCardCancel()
    {
        var released = new ManualResetEventSlim();
        var api = new FakePcScApi();
        api.StatusChange = states =>
        {
            if (states[0].CurrentState == 0)
            {
                states[0].EventState = (uint)ReaderStates.Empty;
                return 0;
            }
            released.Wait(TimeSpan.FromSeconds(10));
            return ScardError.Cancelled;
        };
        using var context = PcScContext.Establish(api);
        using var cts = new CancellationTokenSource();

        var wait = context.WaitForCardAsync("Reader 0", present: true, cts.Token);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        released.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.True(api.Cancels >= 1);
    }

    [Fact]
    public void Native_structures_have_the_platform_sizes()
    {
        // pcsc-lite on 64-bit Linux: 8-byte DWORDs, rgbAtr[33], padded to 80; winscard: 4-byte DWORDs, rgbAtr[36].
        unsafe
        {
            Assert.Equal(IntPtr.Size == 8 ? 80 : 56, sizeof(PcScLiteApi.ReaderState));
            Assert.Equal(IntPtr.Size == 8 ? 16 : 8, sizeof(PcScLiteApi.IoRequest));
            Assert.Equal(IntPtr.Size == 8 ? 64 : 56, sizeof(WinScardApi.ReaderState));
            Assert.Equal(8, sizeof(WinScardApi.IoRequest));
        }
    }
}

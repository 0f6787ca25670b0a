using Bansos.Card.Tlv;

namespace Bansos.Card.Tests;

public sealed class TlvTests
{
    [Fact]
    public void Reads_one_and_two_byte_tags()
    {
        var objects = TlvReader.ParseAll(Hex.Bytes("5A 08 9900170000000011 9F36 02 0001 5F20 03 414243"));

        Assert.Equal([0x5Au, 0x9F36u, 0x5F20u], objects.Select(o => o.Tag));
        Assert.Equal("0001", Hex.Of(objects[1].Value));
        Assert.Equal("ABC", System.Text.Encoding.ASCII.GetString(objects[2].Value.Span));
    }

    [Fact]
    public void Reads_nested_constructed_objects()
    {
        var root = TlvReader.ParseSingle(Hex.Bytes("6F 0A 84 02 F042 A5 04 9F08 01 01"));

        Assert.True(root.IsConstructed);
        Assert.Equal("F042", Hex.Of(root.Find(0x84)!.Value));
        var a5 = root.Find(0xA5)!;
        Assert.Equal("01", Hex.Of(a5.Find(0x9F08)!.Value));
        Assert.Null(root.Find(0x5A));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65535)]
    public void Round_trips_every_length_form(int length)
    {
        var value = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        var encoded = new TlvWriter().Write(0xC1, value).ToArray();
        var parsed = TlvReader.ParseSingle(encoded);

        Assert.Equal(value, parsed.Value.ToArray());
        var expectedHeader = length switch { <= 127 => $"C1{length:X2}", <= 255 => $"C181{length:X2}", _ => $"C182{length:X4}" };
        Assert.Equal(expectedHeader, Hex.Of(encoded.AsSpan(0, expectedHeader.Length / 2)));
    }

    [Fact]
    public void Accepts_a_non_minimal_length_as_emv_readers_do()
    {
        Assert.Equal("AB", Hex.Of(TlvReader.ParseSingle(Hex.Bytes("C1 81 01 AB")).Value));
    }

    [Fact]
    public void Writes_and_reads_back_a_constructed_tree()
    {
        var tree = TlvObject.Constructed(0x77,
            TlvObject.Primitive(0x9F36, Hex.Bytes("0001")),
            TlvObject.Constructed(0xA5, TlvObject.Primitive(0xC2, [1])));

        var encoded = tree.Encode();
        var back = TlvReader.ParseSingle(encoded);

        Assert.Equal("770A9F36020001A503C20101", Hex.Of(encoded));
        Assert.Equal(0xA5u, back.Children[1].Tag);
        Assert.Equal(0xC2u, back.Children[1].Children[0].Tag);
    }

    [Theory]
    [InlineData("5A")]                  // tag without length
    [InlineData("5A 08 9900")]          // value shorter than the length
    [InlineData("9F")]                  // two-byte tag cut after the first byte
    [InlineData("9F 36")]               // no length
    [InlineData("9F 81 81 81 01 00")]   // tag longer than 3 bytes
    [InlineData("C1 80 00 00")]         // indefinite length
    [InlineData("C1 83 00 00 01 AB")]   // 3-byte length
    [InlineData("C1 81")]               // long form without its byte
    [InlineData("C1 82 01")]            // long form cut short
    [InlineData("C1 82 FF FF 00")]      // huge length, little data
    [InlineData("6F 04 84 05 F0 42")]   // child overruns its parent
    [InlineData("C1 01 AB C1")]         // trailing garbage
    public void Malformed_input_is_a_TlvFormatException(string hex)
    {
        Assert.Throws<TlvFormatException>(() => TlvReader.ParseAll(Hex.Bytes(hex)));
        Assert.False(TlvReader.TryParseAll(Hex.Bytes(hex), out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        // 1000 nested E1 templates: each level is E1 81 xx or E1 82 xx xx around the next.
        byte[] inner = [];
        for (var i = 0; i < 1000; i++) inner = new TlvWriter().Write(0xE1, inner).ToArray();

        Assert.Throws<TlvFormatException>(() => TlvReader.ParseAll(inner));
    }

    [Fact]
    public void Empty_input_is_an_empty_sequence()
    {
        Assert.Empty(TlvReader.ParseAll(Array.Empty<byte>()));
        Assert.Throws<TlvFormatException>(() => TlvReader.ParseSingle(Array.Empty<byte>()));
    }

    [Fact]
    public void Writer_refuses_invalid_tags()
    {
        Assert.Throws<ArgumentException>(() => new TlvWriter().Write(0x9F, [])); // 9F announces a second byte
        Assert.Throws<ArgumentException>(() => new TlvWriter().Write(0x9F80, [])); // second byte says more follow
        Assert.Throws<ArgumentException>(() => TlvObject.Primitive(0x6F, []));     // constructed tag
        Assert.Throws<ArgumentException>(() => TlvObject.Constructed(0x5A));       // primitive tag
    }
}

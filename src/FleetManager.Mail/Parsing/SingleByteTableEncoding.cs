using System.Text;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// A single-byte charset from its table of 256 characters, for the two that .NET's code pages get wrong or lack:
/// ISO-8859-16 (Latin-10, South-Eastern European: Romanian ș ț with comma below, Polish, Hungarian ő ű), which
/// they do not provide (a Romanian message fell back to windows-1252 and ș/ț became º/þ); and ISO-8859-7 (Greek),
/// whose 2003 revision put the euro sign at 0xA4, where .NET's table has a private-use character, so "1.850 €"
/// lost its currency.
/// </summary>
internal sealed class SingleByteTableEncoding : Encoding
{
    /// <summary>ISO-8859-16: bytes below 0xA0 are Latin-1; 40 positions above differ (RFC 1345, the Unicode mapping table 8859-16.TXT).</summary>
    public static readonly SingleByteTableEncoding Iso885916 = new("iso-8859-16", "Latin-10 (ISO-8859-16)", Latin1With(Latin10Differences()));

    /// <summary>ISO-8859-7:2003: .NET's Greek table with the three characters the revision added (8859-7.TXT).</summary>
    public static readonly SingleByteTableEncoding Iso88597 = new("iso-8859-7", "Greek (ISO-8859-7:2003)", GreekWith2003Additions());

    private readonly char[] _toChar;

    private readonly Dictionary<char, byte> _toByte;

    private readonly string _webName;

    private readonly string _encodingName;

    private SingleByteTableEncoding(string webName, string encodingName, char[] toChar)
    {
        _webName = webName;
        _encodingName = encodingName;
        _toChar = toChar;
        _toByte = new Dictionary<char, byte>(256);
        for (var b = 255; b >= 0; b--)
        {
            _toByte[toChar[b]] = (byte)b;
        }
    }

    public override string WebName => _webName;

    public override string EncodingName => _encodingName;

    public override int GetByteCount(char[] chars, int index, int count) => count;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        ArgumentNullException.ThrowIfNull(chars);
        ArgumentNullException.ThrowIfNull(bytes);
        for (var i = 0; i < charCount; i++)
        {
            bytes[byteIndex + i] = _toByte.TryGetValue(chars[charIndex + i], out var b) ? b : (byte)'?';
        }

        return charCount;
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(chars);
        for (var i = 0; i < byteCount; i++)
        {
            chars[charIndex + i] = _toChar[bytes[byteIndex + i]];
        }

        return byteCount;
    }

    public override int GetMaxByteCount(int charCount) => charCount;

    public override int GetMaxCharCount(int byteCount) => byteCount;

    private static char[] Latin1With(Dictionary<byte, char> differences)
    {
        var table = new char[256];
        for (var b = 0; b < 256; b++)
        {
            table[b] = differences.TryGetValue((byte)b, out var c) ? c : (char)b;
        }

        return table;
    }

    private static char[] GreekWith2003Additions()
    {
        var bytes = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            bytes[b] = (byte)b;
        }

        RegisterProvider(CodePagesEncodingProvider.Instance);
        var table = GetEncoding(28597).GetChars(bytes);
        table[0xA4] = '\u20AC'; // euro sign
        table[0xA5] = '\u20AF'; // drachma sign
        table[0xAA] = '\u037A'; // Greek ypogegrammeni
        return table;
    }

    /// <summary>The character of each byte from 0xA0 where ISO-8859-16 differs from Latin-1.</summary>
    private static Dictionary<byte, char> Latin10Differences() => new()
    {
        [0xA1] = '\u0104',
        [0xA2] = '\u0105',
        [0xA3] = '\u0141',
        [0xA4] = '\u20AC',
        [0xA5] = '\u201E',
        [0xA6] = '\u0160',
        [0xA8] = '\u0161',
        [0xAA] = '\u0218',
        [0xAC] = '\u0179',
        [0xAE] = '\u017A',
        [0xAF] = '\u017B',
        [0xB2] = '\u010C',
        [0xB3] = '\u0142',
        [0xB4] = '\u017D',
        [0xB5] = '\u201D',
        [0xB8] = '\u017E',
        [0xB9] = '\u010D',
        [0xBA] = '\u0219',
        [0xBC] = '\u0152',
        [0xBD] = '\u0153',
        [0xBE] = '\u0178',
        [0xBF] = '\u017C',
        [0xC3] = '\u0102',
        [0xC5] = '\u0106',
        [0xD0] = '\u0110',
        [0xD1] = '\u0143',
        [0xD5] = '\u0150',
        [0xD7] = '\u015A',
        [0xD8] = '\u0170',
        [0xDD] = '\u0118',
        [0xDE] = '\u021A',
        [0xE3] = '\u0103',
        [0xE5] = '\u0107',
        [0xF0] = '\u0111',
        [0xF1] = '\u0144',
        [0xF5] = '\u0151',
        [0xF7] = '\u015B',
        [0xF8] = '\u0171',
        [0xFD] = '\u0119',
        [0xFE] = '\u021B',
    };
}

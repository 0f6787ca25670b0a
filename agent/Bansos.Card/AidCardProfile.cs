namespace Bansos.Card;

/// <summary>The constants of card profile v1 (docs/card-profile.md): AID, instruction codes, tags, limits.</summary>
public static class AidCardProfile
{
    /// <summary>Proprietary AID: F0 (proprietary RID range), "BANSOS", version 01.</summary>
    public static ReadOnlySpan<byte> Aid => [0xF0, 0x42, 0x41, 0x4E, 0x53, 0x4F, 0x53, 0x01];

    public const string AidHex = "F042414E534F5301";
    public const byte ProfileVersion = 0x01;

    public const int PinTries = 3;
    public const int PukTries = 10;
    public const int HouseholdReferenceMaxLength = 32;
    public const int HolderNameMaxBytes = 45;
    public const ushort MaxAtc = 0xFFFF;

    /// <summary>STORE DATA carries at most this many data bytes (short Lc).</summary>
    public const int StoreDataMaxLength = 255;

    /// <summary>Class bytes: ISO interindustry commands use 00, the proprietary ones 80.</summary>
    public static class Cla
    {
        public const byte Iso = 0x00;
        public const byte Proprietary = 0x80;
    }

    public static class Ins
    {
        public const byte Select = 0xA4;
        public const byte Verify = 0x20;
        public const byte ChangePin = 0x24;
        public const byte Unblock = 0x2C;
        public const byte GenerateCryptogram = 0xAE;
        public const byte StoreData = 0xE2;
        public const byte Lock = 0xE8;
        public const byte GetResponse = 0xC0;
    }

    public static class P1P2
    {
        /// <summary>SELECT P1: select by DF name (AID).</summary>
        public const byte SelectByName = 0x04;
        /// <summary>VERIFY / CHANGE PIN / UNBLOCK P2: the card's specific PIN reference.</summary>
        public const byte PinReference = 0x80;
        /// <summary>GENERATE CRYPTOGRAM P1.</summary>
        public const byte GenerateP1 = 0x80;
    }

    public static class Tags
    {
        public const uint Fci = 0x6F;
        public const uint DfName = 0x84;
        public const uint FciProprietary = 0xA5;
        public const uint ProfileVersion = 0x9F08;
        public const uint LifeCycle = 0xC2;
        public const uint CardNumber = 0x5A;
        public const uint HouseholdReference = 0xC1;
        public const uint HolderName = 0x5F20;
        public const uint Expiry = 0x5F24;
        public const uint Atc = 0x9F36;
        public const uint PinTriesLeft = 0x9F17;
        public const uint CardKey = 0xC3;
        public const uint PinBlock = 0xC4;
        public const uint ResponseTemplate = 0x77;
        public const uint Cryptogram = 0x9F26;
    }

    /// <summary>Values of tag C2.</summary>
    public static class LifeCycle
    {
        public const byte Blank = 0x00;
        public const byte Personalised = 0x01;
    }
}

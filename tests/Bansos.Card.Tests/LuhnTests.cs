using Bansos.Card;

namespace Bansos.Card.Tests;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("9900170000000011", true)]
    [InlineData("9900170000000012", false)]
    public void Checks_the_last_digit(string number, bool valid) => Assert.Equal(valid, Luhn.IsValid(number));
}

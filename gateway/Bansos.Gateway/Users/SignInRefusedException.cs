namespace Bansos.Gateway.Users;

/// <summary>Wrong name or password, locked, disabled, or a bad refresh token: 401 with words the person can act on.</summary>
public sealed class SignInRefusedException(string message) : Exception(message)
{
    public SignInRefusedException()
        : this("Masuk ditolak (sign-in refused).")
    {
    }

    public SignInRefusedException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}

using Microsoft.Extensions.Configuration;

namespace Bansos.ServiceDefaults;

public static class SecretFilesConfiguration
{
    public const string Key = "Bansos:SecretsDir";

    /// <summary>
    /// With <c>Bansos:SecretsDir</c> set (containers: <c>/run/secrets</c>, where compose mounts its
    /// secrets), each file there is one setting: the file name is the key with <c>__</c> for
    /// <c>:</c> (<c>ConnectionStrings__payout</c>), its content the value, read after the
    /// environment so it wins. Passwords then travel neither in the environment nor in an image
    /// (docs/operations.md, "Containers"). A folder that is named but missing stops start-up.
    /// </summary>
    public static IConfigurationManager AddBansosSecretFiles(this IConfigurationManager configuration)
    {
        if (configuration[Key] is not { Length: > 0 } folder)
        {
            return configuration;
        }

        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{Key} names '{folder}', which is not a folder: mount the secrets there or unset it.");
        }

        configuration.AddKeyPerFile(Path.GetFullPath(folder), optional: false, reloadOnChange: false);
        return configuration;
    }
}

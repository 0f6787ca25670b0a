using Bansos.Gateway.Data;
using Bansos.Gateway.Pki;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Users;

/// <summary>
/// At set-up (an empty user store) creates the first admin, <c>admin</c>, with a generated
/// password written once to <c>&lt;data&gt;/initial-admin-password</c> (0600): never a default
/// password, never on a command line or in a log. Whoever sets up reads it, then deletes the file
/// (run-pilot.sh prints it once and does).
/// </summary>
public sealed class FirstAdmin(
    MigrationGate migrations,
    UserStore users,
    UserAdministration administration,
    GatewayPaths paths,
    ILogger<FirstAdmin> logger) : BackgroundService
{
    public const string UserName = "admin";
    public const string PasswordFileName = "initial-admin-password";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitAsync(stoppingToken);
        if (await users.CountAsync(stoppingToken) > 0)
        {
            return;
        }

        var (_, password) = await administration.CreateAsync("set-up", UserName, "Administrator", BansosRoles.Admin, [], stoppingToken);
        var file = Path.Combine(paths.DataDir, PasswordFileName);
        SecretFiles.WriteSecret(file, $"{UserName}\n{password}\n");
        logger.LogWarning("First admin '{UserName}' created; its password is in {File} (owner-only): read it once, then delete the file", UserName, file);
    }
}

/// <summary>The gateway's resolved data folder.</summary>
public sealed record GatewayPaths(string DataDir);

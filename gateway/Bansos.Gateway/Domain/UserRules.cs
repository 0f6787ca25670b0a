using System.Text.RegularExpressions;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Gateway.Domain;

/// <summary>What a user record must satisfy, and what a failed sign-in does to it. No I/O.</summary>
public static partial class UserRules
{
    public static readonly IReadOnlyList<string> Roles = [BansosRoles.Admin, BansosRoles.Operator, BansosRoles.Auditor];

    /// <summary>Lower-cased user name, or the violations (field, Indonesian then English).</summary>
    public static string Validate(string userName, string displayName, string role, IReadOnlyList<string> villages)
    {
        List<FieldViolation> violations = [];
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(name))
        {
            violations.Add(new("user_name", "Nama pengguna 3-40 huruf kecil, angka, titik, garis (user name: 3-40 of a-z, 0-9, '.', '-', '_')."));
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100)
        {
            violations.Add(new("display_name", "Nama tampilan 1-100 karakter (display name: 1-100 characters)."));
        }

        violations.AddRange(ValidateRole(role, villages));
        if (violations.Count > 0)
        {
            throw new ValidationException("Data pengguna tidak valid (invalid user).", violations);
        }

        return name;
    }

    public static IReadOnlyList<FieldViolation> ValidateRole(string role, IReadOnlyList<string> villages)
    {
        List<FieldViolation> violations = [];
        if (!Roles.Contains(role))
        {
            violations.Add(new("role", $"Peran harus salah satu dari {string.Join(", ", Roles)} (role must be one of them)."));
        }

        if (role == BansosRoles.Operator && villages.Count == 0)
        {
            violations.Add(new("villages", "Operator harus melayani minimal satu desa (an operator serves at least one village)."));
        }

        if (role != BansosRoles.Operator && villages.Count > 0)
        {
            violations.Add(new("villages", "Hanya operator yang punya desa (only operators have villages)."));
        }

        foreach (var village in villages.Where(v => !VillagePattern().IsMatch(v)))
        {
            violations.Add(new("villages", $"Kode desa tidak valid: {village} (village code like 17.03.12.2003)."));
        }

        return violations;
    }

    /// <summary>After a wrong password: one more failure, and a lockout once <paramref name="maxFailures"/> is reached (the count starts again).</summary>
    public static (int FailedAttempts, DateTimeOffset? LockedUntil) AfterFailure(GatewayUser user, DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        var failures = user.FailedAttempts + 1;
        return failures >= maxFailures ? (0, now + lockout) : (failures, user.LockedUntil);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,39}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")]
    private static partial Regex VillagePattern();
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// A settings class bound from its configuration section, checked against its data annotations
/// when the host starts (not at the first request that reads it), with every problem reported by
/// its full key (<c>Bansos:Registry:ImportBatchSize: …</c>) so an operator knows what to fix.
/// The settings object itself is registered too, so consumers take the class, not IOptions.
/// A value a registration needs before the container exists (a queue prefix, a batch size) comes
/// from <see cref="ReadBansosSettings{T}"/>, which runs the same binding and checks (docs/decisions.md D87).
/// </summary>
public static class SettingsExtensions
{
    /// <param name="services">The container's registrations.</param>
    /// <param name="section">The settings' key, e.g. <c>Bansos:Outbox</c>: the prefix of every message.</param>
    /// <param name="defaults">Values taken from elsewhere in the configuration first, which the section's own keys override (RabbitMQ's connection string).</param>
    public static OptionsBuilder<T> AddBansosSettings<T>(this IServiceCollection services, string section, Action<T, IConfiguration>? defaults = null)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        var options = services.AddOptions<T>();
        if (defaults is not null)
        {
            options.Configure<IConfiguration>(defaults); // registered before the binding, so it runs first
        }

        return options.BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The settings as <see cref="AddBansosSettings{T}"/> plus <paramref name="configure"/> make them
    /// (bound, completed, validated: a bad value throws <see cref="OptionsValidationException"/>
    /// naming its key), for a registration that needs one before the container is built. A
    /// container holding only <paramref name="configuration"/> builds them, so there is no second parser.
    /// </summary>
    public static T ReadBansosSettings<T>(this IConfiguration configuration, string section, Action<OptionsBuilder<T>>? configure = null,
        Action<T, IConfiguration>? defaults = null)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        var options = services.AddBansosSettings(section, defaults);
        configure?.Invoke(options);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            Collect(options, section, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>The object's own checks, then those of the members marked [ValidateObjectMembers] (their keys nested: <c>Bansos:Gateway:RateLimits:PerUserPerMinute</c>).</summary>
        private static void Collect(object options, string prefix, List<string> failures)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(result =>
                    $"{prefix}:{string.Join(", ", result.MemberNames.DefaultIfEmpty("?"))}: {result.ErrorMessage}"));
            }

            foreach (var property in options.GetType().GetProperties())
            {
                if (property.IsDefined(typeof(ValidateObjectMembersAttribute), inherit: true) && property.GetValue(options) is { } member)
                {
                    Collect(member, $"{prefix}:{property.Name}", failures);
                }
            }
        }
    }
}

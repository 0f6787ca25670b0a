using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bansos.ServiceDefaults.Hosting;

/// <summary>
/// A settings class bound from its configuration section, checked against its data annotations
/// when the host starts (not at the first request that reads it), with every problem reported by
/// its full key (<c>Bansos:Registry:ImportBatchSize: …</c>) so an operator knows what to fix.
/// The settings object itself is registered too, so consumers take the class, not IOptions.
/// </summary>
public static class SettingsExtensions
{
    public static OptionsBuilder<T> AddBansosSettings<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    private sealed class SectionValidator<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(result =>
                $"{section}:{string.Join(", ", result.MemberNames.DefaultIfEmpty("?"))}: {result.ErrorMessage}"));
        }
    }
}

namespace Bansos.Payout.Application;

/// <summary>Authorisations decided and written a batch at a time (PostgreSQL; see PostgresAuthorisationBatcher).</summary>
public interface IAuthorisationBatcher
{
    Task<AuthorisationResult> SubmitAsync(AuthorisationRequest request, CancellationToken ct);
}

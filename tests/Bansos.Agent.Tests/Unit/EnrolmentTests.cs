using System.Security.Cryptography.X509Certificates;
using Bansos.Agent.Enrolment;
using Bansos.Agent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bansos.Agent.Tests.Unit;

/// <summary>Enrolment and renewal: the key pair is made here, only a CSR leaves, the key file is the user's alone.</summary>
public sealed class EnrolmentTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly TestCertificateAuthority ca = new();

    private string Data => Path.Combine(folder.Path, "agent");

    public void Dispose()
    {
        ca.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Enrolment_keeps_key_and_certificate_private_and_loads_them_back()
    {
        var store = new TerminalCredentialStore(Data);
        var credentials = await new TerminalEnrolment(store, TimeProvider.System).EnrollAsync(ca, " K7Q2-9XWA ", TestContext.Current.CancellationToken);

        Assert.Equal(42, credentials.TerminalId);
        Assert.True(credentials.Certificate.HasPrivateKey);
        var csr = Assert.Single(ca.Csrs);
        Assert.DoesNotContain("PRIVATE", System.Text.Encoding.ASCII.GetString(csr)); // a CSR carries the public key only

        var loaded = store.Load()!;
        Assert.Equal(credentials.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.Equal(ca.Certificate.Thumbprint, loaded.GatewayCa.Thumbprint);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Data, "terminal-key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Data));
        }
    }

    [Fact]
    public async Task A_refused_code_writes_nothing()
    {
        var store = new TerminalCredentialStore(Data);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            new TerminalEnrolment(store, TimeProvider.System).EnrollAsync(ca, "WRONG", TestContext.Current.CancellationToken));

        Assert.Null(store.Load());
        Assert.False(File.Exists(Path.Combine(Data, "terminal-key.pem")));
    }

    [Fact]
    public async Task The_certificate_is_renewed_with_a_new_key_within_30_days_of_its_end_only()
    {
        var store = new TerminalCredentialStore(Data);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var enrolment = new TerminalEnrolment(store, time);
        ca.Lifetime = TimeSpan.FromDays(90);
        var first = await enrolment.EnrollAsync(ca, ca.ValidCode, TestContext.Current.CancellationToken);

        time.SetUtcNow(first.NotAfter - TimeSpan.FromDays(31));
        Assert.Null(await enrolment.RenewIfDueAsync(first, ca, TestContext.Current.CancellationToken));

        time.SetUtcNow(first.NotAfter - TimeSpan.FromDays(29));
        var renewed = await enrolment.RenewIfDueAsync(first, ca, TestContext.Current.CancellationToken);
        Assert.NotNull(renewed);
        Assert.NotEqual(first.Certificate.Thumbprint, renewed.Certificate.Thumbprint);
        Assert.NotEqual(first.Certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo(), renewed.Certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo());
        Assert.Equal(renewed.Certificate.Thumbprint, store.Load()!.Certificate.Thumbprint);
    }
}

using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bansos.Agent.Complaints;
using Bansos.Agent.Configuration;
using Bansos.Agent.Connection;
using Bansos.Agent.Enrolment;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Storage;
using Bansos.Agent.Ui;
using Bansos.Protos.Complaint.V1;
using Bansos.Protos.Gateway.V1;
using Bansos.Protos.Payout.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bansos.Agent.Cli;

/// <summary>One command's view of the agent: settings, language, output, and the clients it needs.</summary>
public sealed class AgentContext : IDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<GrpcChannel> channels = [];
    private GrpcChannel? serviceChannel;

    private AgentContext(AgentIo io, AgentSettings settings, bool json)
    {
        Io = io;
        Settings = settings;
        IsJson = json;
    }

    public AgentIo Io { get; }

    public AgentSettings Settings { get; }

    public bool IsJson { get; }

    public Language Language => Settings.Language;

    public List<JsonNotice> Notices { get; } = [];

    public SpectreFace Face => new(Io.Console, Language, Settings.Training);

    public static AgentContext Create(ParseResult parse, AgentIo io)
    {
        var folder = DataFolders.Resolve(parse.GetValue(GlobalOptions.Data));
        var file = AgentConfigFile.Load(Path.Combine(folder, "agent.json"));
        var lang = parse.GetValue(GlobalOptions.Lang) ?? file.Language;
        var gatewayText = parse.GetValue(GlobalOptions.Gateway) ?? file.Gateway;
        Uri? gateway = null;
        var settings = new AgentSettings
        {
            DataFolder = folder,
            Reader = parse.GetValue(GlobalOptions.Reader) ?? file.Reader,
            Language = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Indonesian,
            PointName = file.Point ?? "",
            Training = file.Training ?? false,
            Village = file.Village,
        };
        if (gatewayText is not null && (!Uri.TryCreate(gatewayText, UriKind.Absolute, out gateway) || gateway.Scheme is not ("http" or "https")))
            throw new AgentSetupException(Notice.Error(Msg.AddressInvalid, gatewayText)) { ExitCode = ExitCodes.BadCommandLine };
        return new AgentContext(io, settings with { Gateway = gateway }, parse.GetValue(GlobalOptions.Json));
    }

    public string DataFolder => PrivateFiles.EnsureFolder(Settings.DataFolder);

    public TerminalCredentialStore Credentials => new(Settings.DataFolder);

    /// <summary>A notice now (terminal UI) or in the JSON answer's <c>notices</c>.</summary>
    public void Tell(Notice notice)
    {
        if (IsJson) Notices.Add(JsonNotice.From(notice, Language));
        else Face.Show(notice);
    }

    public void WriteJson(object value) => Io.Output.WriteLine(Serialize(value));

    public static string Serialize(object value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>The terminal client over the factory's channel; renews the certificate first when it is due.</summary>
    public async Task<ITerminalClient> TerminalAsync(CancellationToken cancellationToken) =>
        Io.TerminalClient?.Invoke()
        ?? new GrpcTerminalClient(new PayoutTerminalService.PayoutTerminalServiceClient(await ServiceChannelAsync(cancellationToken)), CallTimeout);

    /// <summary>The complaint client over the same gateway and certificate as the terminal's (the gateway routes it to the complaint service).</summary>
    public async Task<IComplaintClient> ComplaintsAsync(CancellationToken cancellationToken) =>
        Io.ComplaintClient?.Invoke()
        ?? new GrpcComplaintClient(new ComplaintService.ComplaintServiceClient(await ServiceChannelAsync(cancellationToken)), CallTimeout);

    private async Task<GrpcChannel> ServiceChannelAsync(CancellationToken cancellationToken)
    {
        var gateway = Settings.Gateway ?? throw new AgentSetupException(Notice.Error(Msg.NotEnrolled));
        TerminalCredentials? credentials = null;
        if (gateway.Scheme == Uri.UriSchemeHttps)
        {
            credentials = Credentials.Load() ?? throw new AgentSetupException(Notice.Error(Msg.NotEnrolled));
            if (credentials.IsExpired(Io.Time.GetUtcNow()))
                throw new AgentSetupException(Notice.Error(Msg.CertificateExpired, Day(credentials.NotAfter)));
            credentials = await RenewIfDueAsync(gateway, credentials, cancellationToken);
        }
        return serviceChannel ??= Channel(gateway, credentials);
    }

    private GrpcChannel Channel(Uri gateway, TerminalCredentials? credentials)
    {
        var channel = AgentChannels.ForTerminal(gateway, credentials, Io.DevelopmentToken);
        channels.Add(channel);
        return channel;
    }

    private async Task<TerminalCredentials> RenewIfDueAsync(Uri gateway, TerminalCredentials credentials, CancellationToken cancellationToken)
    {
        if (!credentials.IsRenewalDue(Io.Time.GetUtcNow())) return credentials;
        try
        {
            var client = new GrpcEnrolmentClient(new TerminalEnrolmentService.TerminalEnrolmentServiceClient(Channel(gateway, credentials)), CallTimeout);
            var renewed = await new TerminalEnrolment(Credentials, Io.Time).RenewIfDueAsync(credentials, client, cancellationToken);
            if (renewed is null) return credentials;
            Tell(Notice.Success(Msg.CertificateRenewed, Day(renewed.NotAfter)));
            return renewed;
        }
        catch (RpcException)
        {
            // Still valid for now: pay with it and try again at the next start.
            Tell(Notice.Warning(Msg.CertificateRenewFailed, Day(credentials.NotAfter)));
            return credentials;
        }
    }

    public static string Day(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var channel in channels) channel.Dispose();
    }
}

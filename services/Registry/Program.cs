using Bansos.Registry;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;

var builder = BansosWebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegistryService.Name);
builder.AddRegistryServices();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRegistryEndpoints();
app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;

using Bansos.Payout;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;

var builder = BansosWebApplication.CreateBuilder(args);
builder.AddServiceDefaults("payout");
builder.AddPayoutServices();

var app = builder.Build();
app.MapServiceDefaults();
app.MapPayoutEndpoints();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

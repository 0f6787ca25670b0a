using Bansos.Complaint;
using Bansos.ServiceDefaults;
using Bansos.ServiceDefaults.Hosting;

var builder = BansosWebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ComplaintHosting.ServiceName);
builder.AddComplaintServices();

var app = builder.Build();
app.MapServiceDefaults();
app.MapComplaintEndpoints();
app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;

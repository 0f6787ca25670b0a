using Bansos.Gateway;

var app = GatewayApp.Build(args);
app.Run();

using RabbitMQ.Client;

namespace Bansos.ServiceDefaults.Messaging;

/// <summary>Plain RabbitMQ connections beside MassTransit's, for the topology and the error-queue check.</summary>
internal static class BrokerConnections
{
    public static ConnectionFactory Factory(RabbitMqSettings rabbit, string clientName) => new()
    {
        HostName = rabbit.Host,
        Port = rabbit.Port,
        VirtualHost = rabbit.VirtualHost,
        UserName = rabbit.Username,
        Password = rabbit.Password,
        ClientProvidedName = clientName,
    };
}

using Bansos.Payout.Tests.Support;

[assembly: AssemblyFixture(typeof(Hosts))]

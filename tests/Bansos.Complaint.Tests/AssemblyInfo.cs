using Bansos.Complaint.Tests.Support;

[assembly: AssemblyFixture(typeof(Hosts))]

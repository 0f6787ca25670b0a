// One stack of real processes for the whole assembly, and pcscd's virtual reader 0 for one card at
// a time: the tests run one after the other, and the readers are held against other test projects.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: AssemblyFixture(typeof(Bansos.EndToEnd.Tests.Support.EndToEndStack))]

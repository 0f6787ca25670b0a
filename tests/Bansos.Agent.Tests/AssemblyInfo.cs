// The stack tests share pcscd's virtual readers (one card per reader at a time): no parallel
// classes here, and the readers are held against other test projects for the whole run.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: AssemblyFixture(typeof(Bansos.Testing.VirtualReadersFixture))]

// The stack tests share pcscd's two virtual readers; running test classes in parallel would
// put two cards into one reader. The unit tests are fast enough to run in line with them.
// The readers are also held against other test projects (the agent's) for the whole run.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: AssemblyFixture(typeof(Bansos.Testing.VirtualReadersFixture))]

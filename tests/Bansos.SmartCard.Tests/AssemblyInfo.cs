// The stack tests share pcscd's two virtual readers; running test classes in parallel would
// put two cards into one reader. The unit tests are fast enough to run in line with them.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

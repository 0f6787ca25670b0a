// The stack tests share pcscd's virtual readers (one card per reader at a time).
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

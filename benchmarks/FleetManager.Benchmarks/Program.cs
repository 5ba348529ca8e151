using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/FleetManager.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(FleetManager.Benchmarks.PipelineBenchmarks).Assembly).Run(args);

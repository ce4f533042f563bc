using System.Globalization;

namespace Loom.Tune.Tests.Tuning;

using Loom.Tune.Search;

public sealed class ClassTrainableTests
{
    [Fact]
    public async Task A_class_trainable_is_set_up_stepped_saved_and_loaded_after_a_failure()
    {
        await using var f = await TunerFixture.StartAsync();
        Counter.Reset();
        var run = f.Run(stop: new StopCriteria { MaxIterations = 4 }) with { Failures = new FailurePolicy { MaxFailures = 1 } };
        var tuner = new Tuner(f.Loom, Trainable.Class<Counter>(), new SearchSpace { ["step"] = Tune.GridSearch(1.0, 2.0) }, new TuneConfig { Metric = "total", Mode = TuneMode.Max }, run);

        var grid = await tuner.FitAsync();

        Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        Assert.Equal([4.0, 8.0], grid.Trials.Select(t => t.LastResult!.Metric("total")).Order());
        Assert.All(grid.Trials, t => Assert.Equal([1, 2, 3, 4], t.Results.Select(r => r.Iteration)));
    }

    /// <summary>Adds its step each iteration; the first run of each trial fails once after its second step.</summary>
    public sealed class Counter : TrainableClass
    {
        private static int _failed;
        private double _step;
        private double _total;
        private bool _loaded;

        public static void Reset() => _failed = 0;

        public override Task SetupAsync(TrialConfig config)
        {
            _step = config.Get<double>("step");
            return Task.CompletedTask;
        }

        public override Task<IReadOnlyDictionary<string, double>> StepAsync()
        {
            _total += _step;
            if (!_loaded && _total >= 2 * _step && Interlocked.Increment(ref _failed) <= 2)
            {
                throw new InvalidOperationException("a worker died");
            }

            return Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["total"] = _total });
        }

        public override async Task<bool> SaveAsync(string directory)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "total"), _total.ToString("R", CultureInfo.InvariantCulture));
            return true;
        }

        public override async Task LoadAsync(string directory)
        {
            _total = double.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "total")), CultureInfo.InvariantCulture);
            _loaded = true;
        }
    }
}

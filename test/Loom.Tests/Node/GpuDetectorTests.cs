using Loom.Node;

namespace Loom.Tests.Node;

public sealed class GpuDetectorTests
{
    private const string EightH100s = """
        GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-2f6e8f0a-1c4b-7e3d-9a51-0d6c2b8e4f10)
        GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-8a1d3c5e-7f90-4b2a-8c6d-1e3f5a7b9c20)
        GPU 2: NVIDIA H100 80GB HBM3 (UUID: GPU-3b5d7f91-2a4c-4e6f-8a0b-2c4e6a8b0d30)
        GPU 3: NVIDIA H100 80GB HBM3 (UUID: GPU-4c6e8a02-3b5d-4f70-9b1c-3d5f7b9c1e40)
        GPU 4: NVIDIA H100 80GB HBM3 (UUID: GPU-5d7f9b13-4c6e-4081-ac2d-4e6a8c0d2f50)
        GPU 5: NVIDIA H100 80GB HBM3 (UUID: GPU-6e8a0c24-5d7f-4192-bd3e-5f7b9d1e3a60)
        GPU 6: NVIDIA H100 80GB HBM3 (UUID: GPU-7f9b1d35-6e8a-42a3-ce4f-6a8c0e2f4b70)
        GPU 7: NVIDIA H100 80GB HBM3 (UUID: GPU-8a0c2e46-7f9b-43b4-df5a-7b9d1f3a5c80)

        """;

    private const string WithMigDevices = """
        GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5f1c0d5e-0b0e-4d3e-9c1b-2a3b4c5d6e7f)
          MIG 3g.20gb     Device  0: (UUID: MIG-1a2b3c4d-5e6f-5a7b-8c9d-0e1f2a3b4c5d)
          MIG 3g.20gb     Device  1: (UUID: MIG-2b3c4d5e-6f7a-5b8c-9d0e-1f2a3b4c5d6e)
        GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-6a2d1e6f-1c1f-4e4f-8d2c-3b4c5d6e7f80)
        """;

    [Fact]
    public void Counts_every_GPU_line_of_an_eight_GPU_listing()
    {
        Assert.Equal(8, GpuDetector.CountGpus(EightH100s));
    }

    [Fact]
    public void Counts_single_GPU_with_windows_line_endings()
    {
        Assert.Equal(1, GpuDetector.CountGpus("GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-2f6e8f0a-1c4b-7e3d-9a51-0d6c2b8e4f10)\r\n"));
    }

    [Fact]
    public void Does_not_count_MIG_device_lines()
    {
        Assert.Equal(2, GpuDetector.CountGpus(WithMigDevices));
    }

    [Theory]
    [InlineData("")]
    [InlineData("No devices were found\n")]
    [InlineData("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n")]
    public void Counts_no_GPUs_when_none_are_listed(string listing)
    {
        Assert.Equal(0, GpuDetector.CountGpus(listing));
    }
}

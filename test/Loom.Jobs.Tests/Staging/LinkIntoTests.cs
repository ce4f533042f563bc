using Loom.Jobs.Staging;

namespace Loom.Jobs.Tests.Staging;

public sealed class LinkIntoTests
{
    [Fact]
    public void Each_staged_entry_is_linked_into_the_working_directory()
    {
        using var temp = new TempFolder();
        temp.Write("staging/data.csv", "x");
        temp.Write("staging/folder/inner.txt", "inner");

        var created = InputStager.LinkInto(temp["staging"], temp["work/replica-0"]);

        Assert.Equal([temp["work/replica-0/data.csv"], temp["work/replica-0/folder"]], created);
        Assert.Equal(temp["staging/data.csv"], new FileInfo(temp["work/replica-0/data.csv"]).LinkTarget);
        Assert.Equal(temp["staging/folder"], new DirectoryInfo(temp["work/replica-0/folder"]).LinkTarget);
        Assert.Equal("x", File.ReadAllText(temp["work/replica-0/data.csv"]));
        Assert.Equal("inner", File.ReadAllText(temp["work/replica-0/folder/inner.txt"]));
    }

    [Fact]
    public void Existing_entries_are_left_alone()
    {
        using var temp = new TempFolder();
        temp.Write("staging/data.csv", "staged");
        temp.Write("staging/config.json", "{}");
        temp.Write("staging/lib/x.py", "");
        temp.Write("work/data.csv", "the replica's own");
        Directory.CreateDirectory(temp["work/lib"]);

        var created = InputStager.LinkInto(temp["staging"], temp["work"]);
        var again = InputStager.LinkInto(temp["staging"], temp["work"]);

        Assert.Equal([temp["work/config.json"]], created);
        Assert.Empty(again);
        Assert.Equal("the replica's own", File.ReadAllText(temp["work/data.csv"]));
        Assert.Null(new FileInfo(temp["work/data.csv"]).LinkTarget);
        Assert.Null(new DirectoryInfo(temp["work/lib"]).LinkTarget);
    }

    [Fact]
    public void A_missing_staging_folder_is_an_error()
    {
        using var temp = new TempFolder();

        Assert.Throws<DirectoryNotFoundException>(() => InputStager.LinkInto(temp["staging"], temp["work"]));
    }
}

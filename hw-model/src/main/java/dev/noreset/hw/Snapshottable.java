package dev.noreset.hw;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** State that can be saved and restored, so a whole machine can be snapshotted and resumed. */
public interface Snapshottable {
    /** Writes the complete architectural state. */
    void saveState(DataOutput out) throws IOException;

    /** Restores state written by {@link #saveState}; a malformed stream raises IOException. */
    void loadState(DataInput in) throws IOException;
}

/**
 * Recording what the engine plays ({@code /output/record/start}, SuperCollider's {@code s.record}): the
 * {@link la.methc.engine.internal.record.OutputRecorder} of an engine and its one
 * {@link la.methc.engine.internal.record.Recording} at a time (its RT half; {@code RecordingDisk} is its NRT half,
 * the classes RT runs hold no String constant, their texts are in {@code RecorderText}), whose disk thread writes the hardware outputs to a
 * 32-bit float WAV file. RT copies each block into a preallocated block and hands it over through an SPSC queue;
 * the disk thread gives it back through another. Nothing on RT allocates, locks or blocks.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): opening a recording is NRT (a network thread); starting,
 * stopping and tapping the outputs are RT; the disk thread is a recording's own; each method says which.
 */
package la.methc.engine.internal.record;

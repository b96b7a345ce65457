package la.methc.engine.internal.command;

import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.record.RecorderText;
import la.methc.engine.internal.record.Recording;
import la.methc.engine.internal.record.RecordingDisk;

/**
 * {@code /output/record/stop}: the recording ends at the command's frame in this block; a worker waits until the
 * disk thread has closed the file and answers {@code /done} (or {@code /error}), so a {@code /sync} after the stop
 * waits for the file too. Also the job itself (allocated here, not on RT). A stop without a client (the engine's
 * own, at shutdown) answers nobody.
 */
public final class StopRecording extends Command implements HostCommand {

    /** How long the reply waits for the disk thread to close the file. */
    private static final long CLOSE_TIMEOUT_MS = 10_000;

    /** Written on RT before the hand-over to a worker, which orders it before the worker's read. */
    private Recording recording;

    public StopRecording(Client client) {
        super(RecorderText.stop(), client);
    }

    @Override
    public void perform(RtContext rt, int offset) {
        Recording r = rt.recorder().stop(offset);
        if (r == null) {
            if (client != null) {
                rt.error(address, -1, RecorderText.notRecording(), client);
            }
            return;
        }
        recording = r;
        if (client != null && !rt.post(this)) {
            OutputRecorder.replyDirectly(r, client); // no event for the hand-over: the disk thread answers
        }
    }

    /** Worker. */
    @Override
    public void perform(Host host) {
        Recording.Outcome o = recording.await(CLOSE_TIMEOUT_MS);
        client.send(RecordingDisk.stopReply(recording.path(), o));
    }
}

package la.methc.engine.internal.command;

import la.methc.api.Host;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.record.OutputRecorder;
import la.methc.engine.internal.record.RecorderText;
import la.methc.engine.internal.record.Recording;

/**
 * {@code /output/record/start s:path [i:channels]}: the file is open (a network thread opened it); the recording
 * starts at the command's frame in this block, and {@code /done} says so.
 */
public final class StartRecording extends Command {

    private final Recording recording;

    public StartRecording(Client client, Recording recording) {
        super(RecorderText.start(), client);
        this.recording = recording;
    }

    @Override
    public void perform(RtContext rt, int offset) {
        rt.recorder().start(recording, offset);
        rt.done(client, address);
    }

    /** Scheduled, then cleared: the recording never starts, its file goes. */
    @Override
    public void drop(RtContext rt) {
        OutputRecorder.drop(recording);
    }

    @Override
    public void refused(Host host) {
        OutputRecorder.drop(recording);
    }
}

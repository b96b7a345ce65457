package la.methc.engine.internal.driver;

import java.io.IOException;

/** A malformed score file; the message names the file and the byte offset of the bad record. */
public final class ScoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public ScoreException(String source, long offset, String detail, Throwable cause) {
        super("score " + source + ", record at byte offset " + offset + ": " + detail, cause);
        this.offset = offset;
    }

    /** Byte offset of the record (its size field) in the file. */
    public long offset() {
        return offset;
    }
}

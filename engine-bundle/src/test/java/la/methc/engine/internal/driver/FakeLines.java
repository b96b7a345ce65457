package la.methc.engine.internal.driver;

import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Lines for {@link JavaSoundDriverTest} without a sound card: a device that moves frames in periods by the
 * {@link System#nanoTime()} clock, as JACK does, and that can be made to go away. Only what the driver uses
 * does something; nothing on the driver's path allocates.
 */
final class FakeLines {

    private FakeLines() {
    }

    /** What the device does. */
    enum Mode {
        /** Moves one period of frames per period of time. */
        REAL_TIME,
        /** Has moved nothing since it went away (a stopped JACK server): no room (data), no errors. */
        GONE,
        /** Reports room (data) but every transfer fails at once, as ALSA does for an unplugged card. */
        FAILING,
        /** Always has room (data) for {@link Device#chunkBytes} bytes, however fast it is asked. */
        UNPACED
    }

    /** The shared part of a fake line: format, buffer, the device's clock, call counts. */
    abstract static class Device implements DataLine {
        final AudioFormat format;
        final int bufferBytes;
        final int periodFrames;
        volatile Mode mode = Mode.REAL_TIME;
        /** Room (data) an {@link Mode#UNPACED} device reports. */
        volatile int chunkBytes;
        final AtomicLong transfers = new AtomicLong();
        final AtomicLong availableCalls = new AtomicLong();
        volatile boolean started;
        volatile boolean closed;
        private long startNanos;
        /** Frames the device has moved while it was there (frozen when it goes away). */
        long movedFrames;
        /** Bytes the driver has moved (written to, or read from, the line). */
        long transferredBytes;

        Device(AudioFormat format, int bufferFrames, int periodFrames) {
            this.format = format;
            this.bufferBytes = bufferFrames * format.getFrameSize();
            this.periodFrames = periodFrames;
        }

        /** Frames the device had nothing to move for (an output that ran empty waits, as ALSA restarts). */
        long idleFrames;

        /** The frames the device has moved by now. */
        final synchronized long moved() {
            if (started && mode == Mode.REAL_TIME) {
                long periods = (System.nanoTime() - startNanos) * (long) format.getSampleRate() / periodFrames
                        / 1_000_000_000L;
                movedFrames = Math.max(movedFrames, periods * periodFrames - idleFrames);
            }
            return movedFrames;
        }

        /** Makes the device go away (or fail) from now on. */
        final synchronized void become(Mode m) {
            moved();
            mode = m;
        }

        @Override
        public final synchronized void start() {
            if (!started) {
                started = true;
                startNanos = System.nanoTime();
            }
        }

        @Override
        public final void stop() {
            started = false;
        }

        @Override
        public final void close() {
            closed = true;
        }

        @Override
        public final AudioFormat getFormat() {
            return format;
        }

        @Override
        public final int getBufferSize() {
            return bufferBytes;
        }

        @Override
        public final void flush() {
        }

        @Override
        public final void drain() {
        }

        @Override
        public final boolean isRunning() {
            return started;
        }

        @Override
        public final boolean isActive() {
            return started;
        }

        @Override
        public final int getFramePosition() {
            return (int) moved();
        }

        @Override
        public final long getLongFramePosition() {
            return moved();
        }

        @Override
        public final long getMicrosecondPosition() {
            return (long) (moved() * 1e6 / format.getSampleRate());
        }

        @Override
        public final float getLevel() {
            return -1f;
        }

        @Override
        public final javax.sound.sampled.Line.Info getLineInfo() {
            return new javax.sound.sampled.Line.Info(getClass());
        }

        @Override
        public final void open() {
        }

        @Override
        public final boolean isOpen() {
            return !closed;
        }

        @Override
        public final Control[] getControls() {
            return new Control[0];
        }

        @Override
        public final boolean isControlSupported(Control.Type control) {
            return false;
        }

        @Override
        public final Control getControl(Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public final void addLineListener(LineListener listener) {
        }

        @Override
        public final void removeLineListener(LineListener listener) {
        }

        public final void open(AudioFormat f, int bufferSize) {
        }

        public final void open(AudioFormat f) {
        }
    }

    /** An output: room is the buffer minus what was written and not yet played. */
    static final class Output extends Device implements SourceDataLine {
        /** The first bytes written, for checks. */
        final byte[] captured;
        private int capturedBytes;

        Output(AudioFormat format, int bufferFrames, int periodFrames, int captureBytes) {
            super(format, bufferFrames, periodFrames);
            captured = new byte[captureBytes];
        }

        @Override
        public synchronized int available() {
            availableCalls.incrementAndGet();
            return switch (mode) {
                case FAILING -> bufferBytes;
                case UNPACED -> chunkBytes;
                default -> {
                    long frameSize = format.getFrameSize();
                    long underrun = moved() - transferredBytes / frameSize;
                    if (underrun > 0) {
                        // ran empty: it waits for data instead of playing on
                        idleFrames += underrun;
                        movedFrames -= underrun;
                    }
                    yield (int) (bufferBytes - (transferredBytes - moved() * frameSize));
                }
            };
        }

        @Override
        public synchronized int write(byte[] b, int off, int len) {
            transfers.incrementAndGet();
            if (mode == Mode.FAILING) {
                return 0;
            }
            int room = mode == Mode.UNPACED ? chunkBytes : available();
            if (len > room) {
                throw new AssertionError("the driver wrote " + len + " bytes to a line with room for " + room
                        + ": a real line would block");
            }
            int keep = Math.min(len, captured.length - capturedBytes);
            System.arraycopy(b, off, captured, capturedBytes, keep);
            capturedBytes += keep;
            transferredBytes += len;
            return len;
        }

        synchronized int capturedBytes() {
            return capturedBytes;
        }
    }

    /** An input: data is what was captured and not yet read (up to the buffer; older frames are lost). */
    static final class Input extends Device implements TargetDataLine {
        private final byte sample;

        /** Every byte it delivers is {@code sample}. */
        Input(AudioFormat format, int bufferFrames, int periodFrames, byte sample) {
            super(format, bufferFrames, periodFrames);
            this.sample = sample;
        }

        @Override
        public synchronized int available() {
            availableCalls.incrementAndGet();
            return switch (mode) {
                case FAILING -> bufferBytes;
                case UNPACED -> chunkBytes;
                default -> (int) Math.min(bufferBytes, moved() * format.getFrameSize() - transferredBytes);
            };
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            transfers.incrementAndGet();
            if (mode == Mode.FAILING) {
                return 0;
            }
            int data = mode == Mode.UNPACED ? chunkBytes : available();
            if (len > data) {
                throw new AssertionError("the driver read " + len + " bytes from a line with " + data
                        + ": a real line would block");
            }
            for (int i = 0; i < len; i++) {
                b[off + i] = sample;
            }
            // frames lost to an overrun are skipped
            transferredBytes = Math.max(transferredBytes, moved() * format.getFrameSize() - bufferBytes) + len;
            return len;
        }
    }
}

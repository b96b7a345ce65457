package la.methc.osc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * OSC over TCP as scsynth and the engine frame it (OSC 1.0's stream framing): each packet preceded by its size, an
 * int32 big-endian. A size that is not positive or exceeds {@link OscCodec#MAX_PACKET_SIZE} is a broken stream.
 * Any thread; a stream is read or written by one thread at a time.
 */
public final class TcpFraming {

    private TcpFraming() {
    }

    /** A frame whose size cannot be right: the stream is out of step and must be closed. */
    public static final class BadFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        /** The size the frame announced. */
        private final int size;

        public BadFrameException(int size) {
            super(size <= 0 ? "TCP packet size " + size + " is not positive"
                    : "TCP packet size " + size + " exceeds the limit of " + OscCodec.MAX_PACKET_SIZE + " bytes");
            this.size = size;
        }

        public int size() {
            return size;
        }
    }

    /** {@code packet}'s remaining bytes with their size in front, as one array. */
    public static byte[] frame(ByteBuffer packet) {
        ByteBuffer p = packet.duplicate();
        byte[] frame = new byte[Integer.BYTES + p.remaining()];
        ByteBuffer.wrap(frame).putInt(p.remaining()).put(p);
        return frame;
    }

    /** Writes {@code packet}'s remaining bytes as one frame (one {@code write}, so one segment when it fits). */
    public static void write(OutputStream out, ByteBuffer packet) throws IOException {
        out.write(frame(packet));
        out.flush();
    }

    /**
     * Reads the next frame's size: -1 at a clean end of the stream (between frames).
     *
     * @throws BadFrameException if the size is not positive or too large
     */
    public static int readSize(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return -1;
        }
        if (size <= 0 || size > OscCodec.MAX_PACKET_SIZE) {
            throw new BadFrameException(size);
        }
        return size;
    }

    /**
     * Reads the next frame into a new array: null at a clean end of the stream.
     *
     * @throws BadFrameException if the size is not positive or too large
     * @throws EOFException if the stream ends inside the frame
     */
    public static byte[] read(DataInputStream in) throws IOException {
        int size = readSize(in);
        if (size < 0) {
            return null;
        }
        byte[] packet = new byte[size];
        in.readFully(packet);
        return packet;
    }
}

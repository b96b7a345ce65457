package la.methc.engine.internal.parallel;

/**
 * 64 bytes of fields before {@link DoneRecordingWorldFields}' (the JVM lays out a superclass's fields first), the
 * way JCTools pads its queues (JCTools pads 128, against the adjacent-line prefetcher; 64 were enough here, ADR
 * 0022): with {@link DoneRecordingWorld}'s own 64 after them, the fields a thread writes for every synth it
 * processes share no cache line with another object, whatever a collection puts next to them.
 */
abstract class DoneRecordingWorldL1Pad {
    /** Fills the 4 bytes after a compressed header, where the JVM would put a subclass's reference otherwise. */
    int p0;
    long p00;
    long p01;
    long p02;
    long p03;
    long p04;
    long p05;
    long p06;
    long p07;
}

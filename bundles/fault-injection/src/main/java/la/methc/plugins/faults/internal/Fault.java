package la.methc.plugins.faults.internal;

/** Where a {@link FaultySynth} breaks its contract. */
enum Fault {
    /** ports() throws. */
    PORTS_THROW,
    /** ports() returns null. */
    PORTS_NULL,
    /** ports() returns a list with a null port. */
    PORT_NULL,
    /** connect throws for the audio output. */
    CONNECT_THROWS,
    /** attach throws. */
    ATTACH_THROWS,
    /** activate throws. */
    ACTIVATE_THROWS,
    /** process throws once the synth has run a given number of healthy blocks. */
    PROCESS_THROWS,
    /** destroy throws. */
    DESTROY_THROWS,
    /** process hands a worker jobs that throw an Error, one per block. */
    WORKER_JOB_THROWS,
    /** process writes NaN once the synth has run a given number of healthy blocks. */
    NAN_OUTPUT,
    /** process allocates a new array every block (and keeps it, so the JIT cannot elide it). */
    PROCESS_ALLOCATES
}

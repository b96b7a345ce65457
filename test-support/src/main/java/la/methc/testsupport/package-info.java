/**
 * Test helpers shared by several modules' tests (the AudioBuffer bundle, the sampler, the itests): sound files
 * written by hand from their formats' specifications ({@link la.methc.testsupport.HandMadeFlac}), so that a
 * reader is checked against bytes it did not make. Test scope only; any thread (no shared state).
 */
package la.methc.testsupport;

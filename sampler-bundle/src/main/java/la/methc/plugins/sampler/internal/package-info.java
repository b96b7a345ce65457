/**
 * The sampler plugin: the record and play synths with their interpolation kernels, and the {@code /buffer/…}
 * commands (read, write, query, onsets, normalize) with the sound-file writing and analysis code they use
 * (files are read with {@link la.methc.audiobuffer.file.SoundFile}). Each method's doc
 * starts with the thread that may call it, as {@link la.methc.api} defines them: <b>RT</b> (the RT thread, or a
 * render thread for an isolated synth: no allocation, lock or blocking), <b>NRT</b> (a network thread or DS) or
 * <b>Worker</b> (a worker thread running a command's task). Two daemon threads of the bundle's own answer questions
 * about the VM once, NRT: {@code methcla-fma-probe} ({@link la.methc.plugins.sampler.internal.FusedMultiplyAdd}) and
 * {@code methcla-vector-warm-up} ({@link la.methc.plugins.sampler.internal.VectorKernel}, ADRs 0016, 0021 and
 * 0023); only {@link la.methc.plugins.sampler.internal.CubicVectors} and
 * {@link la.methc.plugins.sampler.internal.LinearVectors} name the incubating {@code jdk.incubator.vector}.
 */
package la.methc.plugins.sampler.internal;

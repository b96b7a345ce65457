/**
 * The engine: its RT core ({@link la.methc.engine.internal.Engine} and the parts it is made of), the OSC dispatcher
 * that turns requests into commands, the options, the registries of bound plugins and the runtime that starts and
 * stops it all. Free of OSGi: the DS component in {@code osgi} and the tests drive it.
 *
 * <p><b>Threads.</b> Every class and method of the engine's packages says which threads may call it, in these
 * words, defined here once:
 * <ul>
 *   <li><b>RT</b>: the driver's audio thread (or an offline render's thread), the only writer of the node tree,
 *   the buses, the scheduler and the Resource slots. RT code never allocates, locks, blocks, logs or throws in
 *   steady state; error paths may build a message.</li>
 *   <li><b>Network thread</b>: a transport's receive thread (UDP, or one per TCP connection); decodes OSC and
 *   hands commands to RT.</li>
 *   <li><b>Notifier</b>: the one thread that sends what RT publishes, in RT's order, and destroys synths.</li>
 *   <li><b>Worker</b>: a thread of the worker pool, running plugin work handed over by RT.</li>
 *   <li><b>Render or DSP thread</b>: a helper of RT's within a block, processing isolated synths
 *   ({@code parallel}); held to RT's rules.</li>
 *   <li><b>NRT</b>: any of the three above or another thread that is not RT (the DS component's, a test's); may
 *   allocate and block.</li>
 *   <li><b>Any thread</b>: thread-safe, RT included (then also allocation-free and lock-free).</li>
 * </ul>
 * A class that says one of these in its doc covers all its methods unless a method says otherwise.
 */
package la.methc.engine.internal;

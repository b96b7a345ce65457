/**
 * Scheduling of the threads that compute blocks: {@link la.methc.engine.internal.sched.RealtimePriority} asks the
 * OS for a real-time policy for the RT thread and the DSP threads. Called by each such thread once, at its start,
 * before its steady state (it starts a process and waits for it); never in the block loop.
 */
package la.methc.engine.internal.sched;

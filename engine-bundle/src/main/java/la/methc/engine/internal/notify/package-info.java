/**
 * RT → NRT: the pooled events RT publishes ({@link la.methc.engine.internal.notify.EventChannel}), the notifier
 * that turns them into OSC replies in RT's order, the clients registered for notifications, and the worker pool
 * that runs plugin work.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT obtains and publishes events; the notifier and the workers
 * run their own loops; each method says which side it is.
 */
package la.methc.engine.internal.notify;

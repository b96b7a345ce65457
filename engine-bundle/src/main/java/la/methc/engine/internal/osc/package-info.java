/**
 * OSC on the wire: the codec (strict OSC 1.0, NTP time tags), the UDP and TCP transports on one port, clients and
 * their send queues, the allow-list, and the count of replies lost on the way out.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): network threads receive and decode; any NRT thread sends
 * (the notifier mostly). Nothing here runs on RT.
 */
package la.methc.engine.internal.osc;

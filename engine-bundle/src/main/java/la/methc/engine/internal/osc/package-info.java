/**
 * OSC transports of the engine: UDP and TCP on one port, clients and their send queues, the allow-list, and the
 * count of replies lost on the way out. The codec, time tags and TCP framing are the shared {@code la.methc.osc}
 * (module {@code osc/}), which the client library uses too.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): network threads receive and decode; any NRT thread sends
 * (the notifier mostly). Nothing here runs on RT.
 */
package la.methc.engine.internal.osc;

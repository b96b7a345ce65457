package la.methc.bench;

/**
 * What a server's {@code /status.reply} says, in common units.
 *
 * @param synths running synths
 * @param avgLoad average load as a fraction of real time (1.0 = a block takes as long as it lasts)
 * @param peakLoad peak load, same unit
 */
record Status(int synths, double avgLoad, double peakLoad) {
}

package la.methc.bench;

/** The harness's command line: {@code java -cp bench-harness.jar:lib/* la.methc.bench.Main COMMAND …}. */
public final class Main {

    private static final String USAGE = """
            usage: Main COMMAND ...
              online|offline|table ...        the side-by-side table against scsynth (bench/compare.sh)
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        try {
            switch (command) {
                case "online", "offline", "table" -> Compare.main(command, args);
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }
}

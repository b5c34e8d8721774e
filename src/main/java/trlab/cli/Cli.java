package trlab.cli; public final class Cli { private Cli(){} public static int run(String[] args){ System.err.println("no commands yet"); return 2; } }

package trlab.experiment.config;

/**
 * A config that cannot be used. The message is one sentence for a person: it names the source (a file or the
 * {@code --set} override), the field, the bad value and what is allowed, so the command line can print it as is.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

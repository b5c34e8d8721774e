/**
 * A run's settings: the config record and its four sections, the schema that names, checks and overrides every
 * field ({@code --set}), the JSON loader and the built-in presets. A bad value fails here with a
 * {@code ConfigException} that names the field. It may use {@code core} and {@code measure}.
 */
package trlab.experiment.config;

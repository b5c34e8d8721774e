/**
 * The charts: one class per chart, each drawing a {@code ChartInput} (one or several runs' records and snapshots)
 * with ChartFX, the dashboard that arranges them, heat maps, and the headless PNG export that {@code run} uses. The
 * charts read runs and measurements; they know nothing of the window around them.
 */
package trlab.app.chart;

/**
 * The JavaFX window: the application, the window's model {@code Lab} (one run or the runs of a comparison), the
 * control panel, the compare bar, the status bar, menus and file actions, the comparisons presets open, and the
 * scripted lesson of {@code gui --soak}. It may use every package below it and
 * the charts of {@code app.chart}; nothing below it uses the window.
 */
package trlab.app;

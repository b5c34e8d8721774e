/**
 * The sweep on an Apache Spark cluster: one Spark task per point, each result sent back to the driver and written
 * into the sweep's folder as the pool writes it. Built only with Spark on the classpath (Maven profile {@code spark});
 * the lab's own jar leaves this package out.
 */
package trlab.experiment.sweep.spark;

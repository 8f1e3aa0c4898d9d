/** Realistic order flows for tests, demos and the benchmark: created, paid, shipped; shuffled and duplicated. */
package io.redline.events.simulate;

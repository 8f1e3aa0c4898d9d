/** Which port each part of a local platform listens on: fixed from {@code --port-base}, or free ones. */
package io.redline.deploy.local.ports;

/**
 * The platform's child processes: how one is launched (its own session, so that a terminal's Ctrl-C reaches only
 * the runner, which then stops children in order), watched, restarted and stopped, and where the jars are.
 */
package io.redline.deploy.local.process;

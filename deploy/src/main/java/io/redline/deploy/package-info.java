/**
 * The {@code redline} command line: {@link io.redline.deploy.DeployMain} and its sub-commands. The Kubernetes
 * material lives beside this module's sources, under {@code deploy/k8s}.
 */
package io.redline.deploy;

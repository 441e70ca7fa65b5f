/**
 * The run's approval policy in the console: Run &gt; Approval policy, the action bar's "Approve
 * &amp; relax ▾" (approve and ask less from here on), and how a turn names the rule or person that
 * decided it.
 */
package dev.airlock.ui.policy;

/**
 * The trust boundary in front of the engine: what a user sends to a task or a start event must be
 * exactly the fields of its form, and every other change to running work is for administrators.
 * Engine commands from REST, Tasklist and the project's own API all pass through here.
 */
@ApplicationModule(displayName = "Trust boundary", allowedDependencies = {})
package cn.kaifeng.jointapproval.trust;

import org.springframework.modulith.ApplicationModule;

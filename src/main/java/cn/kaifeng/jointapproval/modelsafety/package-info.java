/**
 * Keeps a deployed BPMN or DMN model inside the engine's job: no scripts, no foreign classes, no
 * Spring beans but the project's delegates and helpers, no engine services or reflection.
 */
@ApplicationModule(displayName = "Model safety", allowedDependencies = {})
package cn.kaifeng.jointapproval.modelsafety;

import org.springframework.modulith.ApplicationModule;

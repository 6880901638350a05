/**
 * How the HTTP APIs answer errors: problem details with Chinese titles for the project's /api and
 * for the engine's REST APIs, built from the exceptions behind them.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"trust"})
package cn.kaifeng.jointapproval.web;

import org.springframework.modulith.ApplicationModule;

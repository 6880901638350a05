/**
 * China's official working-day calendar: the State Council's holiday schedules as data,
 * working-day arithmetic, its API and the yearly update.
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = {"web"})
package cn.kaifeng.jointapproval.calendar;

import org.springframework.modulith.ApplicationModule;

/**
 * The battle maps (挂图作战, DOMAIN.md §8.4): the pages under /board/ and the JSON and Excel they
 * read under /api/board/. Aggregates are computed in SQL from the project's own tables under the
 * same reading lines as the project list ({@code ProjectList.visibility}); the county targets of
 * the reserve landing plan map are owned here. Nothing depends on it.
 */
@ApplicationModule(displayName = "Battle maps", allowedDependencies = {"projectview", "project", "approval", "calendar", "deadline", "identity", "problem", "supervision", "web"})
package cn.kaifeng.jointapproval.board;

import org.springframework.modulith.ApplicationModule;

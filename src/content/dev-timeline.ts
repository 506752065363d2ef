/**
 * The content scripts' one developer timeline (see core/dev-timeline.ts):
 * opened by the always-on script, shared with the reader's extraction,
 * which runs in the same isolated world, where the page cannot reach it.
 */
import { createDevTimeline, DEV_TIMELINE_KEY, type DevTimeline } from '../core/dev-timeline';
import { ext } from '../platform/ext';

interface TimelineScope {
  lecternTimeline?: DevTimeline;
}

function switchedOn(): Promise<boolean> {
  try {
    return ext.storage.local.get(DEV_TIMELINE_KEY).then((items) => items[DEV_TIMELINE_KEY] === true);
  } catch {
    // Cut off from Lectern (updated or removed while the page stayed open): no switch to read.
    return Promise.resolve(false);
  }
}

export function devTimeline(): DevTimeline {
  const scope = globalThis as TimelineScope;
  scope.lecternTimeline ??= createDevTimeline(switchedOn(), performance);
  return scope.lecternTimeline;
}

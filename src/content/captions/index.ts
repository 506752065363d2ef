/** The captions feature of the content script: apply plans to the live page, reversibly. */
export { applyCaptionPlan, applyEntries, applyEntry, type ApplyOptions, type Undo } from './apply';
export { createCaptionController, type CaptionController, type CaptionCounts, type CaptionPrefs } from './controller';

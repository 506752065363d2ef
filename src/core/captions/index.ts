/** Caption planning: DOM in, data out. The content script applies the plan. */
export { candidateImages, inspectImage, isCandidate, planCaptions, planImages } from './plan';
export { OWN_ARIA_HIDDEN } from './dom';
export { findCaption, findCredit, findMedia } from './find';
export { decodeReferences, isMeaningfulAlt, looksLikeCredit, repeatsAlt } from './text';
export type {
  CaptionAction, CaptionEntry, CaptionPlan, CollapseReason, InsertionPoint, PlanOptions, TextPart, Unclamp,
} from './types';

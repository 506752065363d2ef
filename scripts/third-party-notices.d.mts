// Types for third-party-notices.mjs, which the build (plain Node) runs and the unit tests import.
export function thirdPartyNotices(nodeModules?: string): string;
export const NOTICED_PACKAGES: string[];
